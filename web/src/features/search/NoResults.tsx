import { Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface NoResultsProps {
  query: string;
  filtered: boolean;
  onRemoveFilters: () => void;
}

/** Nothing found: what to try next, and removing the filters in one click when there are some. */
export function NoResults({ query, filtered, onRemoveFilters }: NoResultsProps) {
  const { t } = useTranslation("search");
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("empty.title", { query })}
        </Title>
        <Text>{t("empty.intro")}</Text>
        <List spacing={4}>
          <List.Item>{t("empty.spelling")}</List.Item>
          <List.Item>{t("empty.fewer")}</List.Item>
          <List.Item>{t("empty.synonyms")}</List.Item>
          {filtered ? <List.Item>{t("empty.filters")}</List.Item> : null}
        </List>
        {filtered ? (
          <Button variant="default" onClick={onRemoveFilters} w="fit-content">
            {t("filters.clear")}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
