import { Alert, Loader, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { ScheduledItem, type ScheduledEntry } from "./ScheduledItem.tsx";
import { useScheduledComments, useScheduledPosts } from "./queries.ts";

/** A list of scheduled things, its loading and error states. */
function ScheduledList({ title, query, entries, empty }: { title: string; query: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown }; entries: ScheduledEntry[]; empty: string }) {
  const { t } = useTranslation("scheduling");
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {query.isPending ? <Loader aria-label={t("list.loading")} /> : null}
      {query.isError ? <Alert color="red">{errorMessage(query.error, t)}</Alert> : null}
      {query.isSuccess && entries.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {entries.map((entry) => (
          <ScheduledItem key={`${entry.item.id}-${entry.item.sendAt}-${entry.item.status}`} entry={entry} />
        ))}
      </Stack>
    </Stack>
  );
}

/** /scheduled: one's own scheduled posts and comments, to change or cancel until they go out. */
export function ScheduledPostsPage() {
  const { t } = useTranslation("scheduling");
  const posts = useScheduledPosts();
  const comments = useScheduledComments();
  useDocumentTitle(t("list.title"));
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1} size="h2">
        {t("list.title")}
      </Title>
      <ScheduledList title={t("list.posts")} query={posts} entries={(posts.data?.items ?? []).map((item) => ({ kind: "posts", item }))} empty={t("list.empty")} />
      <ScheduledList
        title={t("list.comments")}
        query={comments}
        entries={(comments.data?.items ?? []).map((item) => ({ kind: "comments", item }))}
        empty={t("list.emptyComments")}
      />
    </Stack>
  );
}
