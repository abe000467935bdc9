import { Badge, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useIsPhone } from "../admin/useIsPhone.ts";
import { communityKinds, directoryViews, type DirectoryState, type DirectoryView } from "./directory-view.ts";
import { useCommunityLabels } from "./labels.ts";
import { useInvitationCount } from "./queries.ts";

interface DirectoryControlsProps {
  applied: DirectoryState;
  search: string;
  onSearch: (search: string) => void;
  onChoose: (change: Partial<Pick<DirectoryState, "kind" | "view">>) => void;
  admin: boolean;
}

// The "every kind" option; the URL and the API simply leave the kind out.
const ALL_KINDS = "all";

/** "Invitations", with how many await an answer when some do. */
function InvitationsLabel() {
  const { t } = useTranslation("communities");
  const pending = useInvitationCount();
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      <span>{t("directory.views.invited")}</span>
      {pending ? (
        <>
          <Badge size="sm" circle={pending.label.length < 3} color="red.8" aria-hidden>
            {pending.label}
          </Badge>
          <VisuallyHidden>{` (${t("directory.pendingInvitations", { count: pending.count })})`}</VisuallyHidden>
        </>
      ) : null}
    </Group>
  );
}

/** The directory's search box, kind filter and choice of list. */
export function DirectoryControls({ applied, search, onSearch, onChoose, admin }: DirectoryControlsProps) {
  const { t } = useTranslation("communities");
  const labels = useCommunityLabels();
  const isPhone = useIsPhone();
  const views: { value: DirectoryView; label: ReactNode }[] = [
    { value: "all", label: t("directory.views.all") },
    { value: "mine", label: t("directory.views.mine") },
    { value: "invited", label: <InvitationsLabel /> },
    ...(admin ? [{ value: "deleted" as const, label: t("directory.views.deleted") }] : []),
  ];
  const kinds = [{ value: ALL_KINDS, label: t("directory.allKinds") }, ...communityKinds.map((kind) => ({ value: kind, label: labels.kind[kind] }))];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="search">
        <TextInput
          style={{ gridColumn: isPhone ? undefined : "span 2" }}
          type="search"
          label={t("directory.search")}
          placeholder={t("directory.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          maxLength={200}
          value={search}
          onChange={(event) => onSearch(event.currentTarget.value)}
        />
        <Select
          label={t("directory.kind")}
          data={kinds}
          value={applied.kind || ALL_KINDS}
          allowDeselect={false}
          onChange={(chosen) => onChoose({ kind: communityKinds.find((kind) => kind === chosen) ?? "" })}
        />
      </SimpleGrid>
      <SegmentedControl
        aria-label={t("directory.views.label")}
        data={views}
        value={applied.view}
        onChange={(chosen) => onChoose({ view: directoryViews.find((view) => view === chosen) ?? "all" })}
        orientation={isPhone ? "vertical" : "horizontal"}
        fullWidth={isPhone}
        style={{ alignSelf: isPhone ? "stretch" : "flex-start" }}
      />
    </Stack>
  );
}
