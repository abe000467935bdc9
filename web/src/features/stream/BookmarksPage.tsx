import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { PostFeed } from "./PostFeed.tsx";

/** `/bookmarks`: the posts the viewer kept, newest bookmark first. */
export function BookmarksPage() {
  const { t } = useTranslation("stream");
  usePageTitle(t("bookmarks.title"));
  return (
    <Stack maw={760} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t("bookmarks.title")}</Title>
        <Text c="dimmed">{t("bookmarks.intro")}</Text>
      </Stack>
      <PostFeed source={{ kind: "bookmarks" }} label={t("bookmarks.title")} empty={t("bookmarks.empty")} />
    </Stack>
  );
}
