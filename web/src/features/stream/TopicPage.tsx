import type { Topic } from "@ruche/contracts";
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { notifyFailure } from "../../components/notify.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { NotFoundPage } from "../../routes/NotFoundPage.tsx";
import { PostFeed } from "./PostFeed.tsx";
import { feedsKey, isMissing, topicKey } from "./queries.ts";

/** Follow or unfollow a topic: its posts then reach (or leave) the home feed. */
function TopicFollowButton({ topic }: { topic: Topic }) {
  const { t } = useTranslation("stream");
  const queryClient = useQueryClient();
  const follow = useMutation({
    mutationFn: (on: boolean) => api(on ? "PUT" : "DELETE", `/topics/${encodeURIComponent(topic.slug)}/follow`),
    onSuccess: (_answer, on) => {
      queryClient.setQueryData<Topic>(topicKey(topic.slug), (current) => (current ? { ...current, following: on } : current));
      // The topic's posts join or leave the home feed.
      void queryClient.invalidateQueries({ queryKey: feedsKey });
    },
    onError: (error, on) => notifyFailure(t, on ? t("topic.followFailed") : t("topic.unfollowFailed"), error),
  });
  return (
    <Button
      variant={topic.following ? "light" : "filled"}
      aria-pressed={topic.following}
      leftSection={topic.following ? <IconCheck size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
      loading={follow.isPending}
      onClick={() => follow.mutate(!topic.following)}
    >
      {t("topic.follow")}
    </Button>
  );
}

/** `/topics/:slug`: the topic, how many posts the viewer may read with it, a follow button, and its feed. */
export function TopicPage() {
  const { t, i18n } = useTranslation("stream");
  const { slug = "" } = useParams();
  const topic = useQuery({
    queryKey: topicKey(slug),
    queryFn: () => api<Topic>("GET", `/topics/${encodeURIComponent(slug)}`),
    retry: (failures, error) => !isMissing(error) && failures < 1,
  });
  usePageTitle(topic.data ? `#${topic.data.name}` : isMissing(topic.error) ? t("common:notFound.title") : "");

  if (topic.isPending) return <Skeleton height={60} maw={760} />;
  if (isMissing(topic.error)) return <NotFoundPage />;
  if (!topic.data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(topic.error, t)}
      </Alert>
    );
  }
  const count = topic.data.postCount ?? 0;
  return (
    <Stack maw={760} gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>#{topic.data.name}</Title>
          <Text c="dimmed">{t("topic.postCount", { count, formatted: count.toLocaleString(i18n.language) })}</Text>
        </Stack>
        <TopicFollowButton topic={topic.data} />
      </Group>
      <PostFeed source={{ kind: "topic", slug: topic.data.slug }} label={t("topic.feed", { name: topic.data.name })} empty={t("topic.empty")} />
    </Stack>
  );
}
