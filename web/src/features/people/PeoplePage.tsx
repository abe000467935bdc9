import { Alert, Button, Card, Center, Group, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { DirectoryFilterFields } from "./DirectoryFilterFields.tsx";
import { emptyFilters, hasFilters } from "./directory-filters.ts";
import { PersonCard } from "./PersonCard.tsx";
import { useDirectoryFilters } from "./useDirectoryFilters.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { usePeopleDirectory } from "./usePeopleDirectory.ts";

const grid = { base: 1, sm: 2, lg: 3 };
const listStyle = { listStyle: "none", padding: 0, margin: 0 };

function LoadingCards() {
  const { t } = useTranslation("people");
  return (
    <SimpleGrid cols={grid} aria-busy="true">
      <VisuallyHidden>{t("common:loading")}</VisuallyHidden>
      {Array.from({ length: 6 }, (_, index) => (
        <Card withBorder key={index}>
          <Group wrap="nowrap">
            <Skeleton circle height={56} />
            <Stack gap={6} flex={1}>
              <Skeleton height={12} width="60%" />
              <Skeleton height={10} width="80%" />
            </Stack>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function EmptyDirectory({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation("people");
  return (
    <Center py="xl">
      <Stack align="center" gap="xs">
        <IconUsers size={40} stroke={1.5} aria-hidden />
        <Text fw={500} role="status">
          {filtered ? t("directory.noMatch") : t("directory.empty")}
        </Text>
        {filtered ? (
          <Button variant="subtle" onClick={onClear}>
            {t("directory.clear")}
          </Button>
        ) : null}
      </Stack>
    </Center>
  );
}

/** `/people`: the directory; search and filters live in the URL so a search can be shared. */
export function PeoplePage() {
  const { t } = useTranslation("people");
  usePageTitle(t("directory.title"));
  const { filters, setFilters, applied } = useDirectoryFilters();
  const directory = usePeopleDirectory(applied);
  const people = directory.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t("directory.title")}</Title>
      <DirectoryFilterFields filters={filters} onChange={setFilters} />
      {directory.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(directory.error, t)}
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed" aria-live="polite">
        {directory.isSuccess && people.length > 0 ? t("directory.shown", { count: people.length }) : ""}
      </Text>
      {directory.isPending ? <LoadingCards /> : null}
      {directory.isSuccess && people.length === 0 ? <EmptyDirectory filtered={hasFilters(applied)} onClear={() => setFilters(emptyFilters)} /> : null}
      {people.length > 0 ? (
        <SimpleGrid cols={grid} component="ul" style={listStyle} aria-label={t("directory.results")}>
          {people.map((person) => (
            <PersonCard key={person.id} person={person} />
          ))}
        </SimpleGrid>
      ) : null}
      {directory.hasNextPage ? (
        <Center>
          <Button variant="default" onClick={() => void directory.fetchNextPage()} loading={directory.isFetchingNextPage}>
            {t("common:loadMore")}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}
