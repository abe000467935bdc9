import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ListError } from "../admin/ListStates.tsx";
import { LoadMore } from "../admin/LoadMore.tsx";
import { CommunityGrid, LoadingCommunities } from "./CommunityGrid.tsx";
import { DeletedCommunityActions } from "./DeletedCommunityActions.tsx";
import { directoryQuery, type DirectoryState, type DirectoryView } from "./directory-view.ts";
import { useCommunityDirectory } from "./queries.ts";

interface DirectoryResultsProps {
  applied: DirectoryState;
  guest: boolean;
  /** Clears the search and kind filter; without it, an empty list offers no "clear" button. */
  onClear?: () => void;
}

/** What an empty list says, and whether it offers to clear the search. */
function EmptyResults({ view, filtered, guest, onClear }: { view: DirectoryView; filtered: boolean; guest: boolean; onClear?: () => void }) {
  const { t } = useTranslation("communities");
  const messages: Record<DirectoryView, string> = {
    all: guest ? t("directory.empty.guest") : t("directory.empty.all"),
    mine: t("directory.empty.mine"),
    invited: t("directory.empty.invited"),
    deleted: t("directory.empty.deleted"),
  };
  return (
    <Center py="xl">
      <Stack align="center" gap="xs">
        <IconUsersGroup size={40} stroke={1.5} aria-hidden />
        <Text fw={500} role="status" ta="center">
          {filtered ? t("directory.empty.noMatch") : messages[view]}
        </Text>
        {filtered && onClear ? (
          <Button variant="subtle" onClick={onClear}>
            {t("directory.clear")}
          </Button>
        ) : null}
      </Stack>
    </Center>
  );
}

/** The chosen list of communities, with its loading, empty and error states and "show more". */
export function DirectoryResults({ applied, guest, onClear }: DirectoryResultsProps) {
  const { t } = useTranslation("communities");
  const directory = useCommunityDirectory(directoryQuery(applied));
  const communities = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const headings: Record<DirectoryView, string> = {
    all: t("directory.headings.all"),
    mine: t("directory.headings.mine"),
    invited: t("directory.headings.invited"),
    deleted: t("directory.headings.deleted"),
  };
  const heading = headings[applied.view];
  const filtered = applied.q.trim() !== "" || applied.kind !== "";
  const headingId = `communities-${applied.view}-heading`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {heading}
      </Title>
      {applied.view === "deleted" ? <Text size="sm">{t("deleted.intro")}</Text> : null}
      {directory.isError ? <ListError error={directory.error} /> : null}
      <Text size="sm" c="dimmed" aria-live="polite">
        {directory.isSuccess && communities.length > 0 ? t("directory.shown", { count: communities.length }) : ""}
      </Text>
      {directory.isPending ? <LoadingCommunities /> : null}
      {directory.isSuccess && communities.length === 0 ? <EmptyResults view={applied.view} filtered={filtered} guest={guest} onClear={onClear} /> : null}
      {communities.length > 0 ? (
        <CommunityGrid
          communities={communities}
          label={heading}
          actionsFor={applied.view === "deleted" ? (community) => <DeletedCommunityActions community={community} /> : undefined}
        />
      ) : null}
      <LoadMore hasMore={directory.hasNextPage} loading={directory.isFetchingNextPage} onLoad={() => void directory.fetchNextPage()} />
    </Stack>
  );
}
