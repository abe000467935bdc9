import type { FollowState } from "@ruche/contracts";
import { Button, Group, Stack, Title } from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyFailure } from "../../components/notify.tsx";
import { PostFeed } from "./PostFeed.tsx";
import { feedsKey, personFollowKey } from "./queries.ts";

/** Follow someone: their posts then reach the home feed. */
function PersonFollowButton({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation("stream");
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: personFollowKey(personId), queryFn: () => api<FollowState>("GET", `/people/${personId}/follow`) });
  const follow = useMutation({
    mutationFn: (on: boolean) => api(on ? "PUT" : "DELETE", `/people/${personId}/follow`),
    onSuccess: (_answer, on) => {
      queryClient.setQueryData<FollowState>(personFollowKey(personId), { following: on });
      void queryClient.invalidateQueries({ queryKey: feedsKey });
    },
    onError: (error, on) => notifyFailure(t, on ? t("person.followFailed", { name }) : t("person.unfollowFailed", { name }), error),
  });
  if (!state.data) return null;
  const following = state.data.following;
  return (
    <Button
      variant={following ? "light" : "filled"}
      aria-pressed={following}
      leftSection={following ? <IconCheck size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
      loading={follow.isPending}
      onClick={() => follow.mutate(!following)}
    >
      {t("person.follow")}
    </Button>
  );
}

/** A person's posts on their page, only those the viewer may read, with a follow button (not on one's own page). */
export function PersonPosts({ personId, name, isMe }: { personId: string; name: string; isMe: boolean }) {
  const { t } = useTranslation("stream");
  return (
    <Stack gap="sm" component="section" aria-labelledby="person-posts-heading" maw={760}>
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="person-posts-heading">
          {t("person.posts")}
        </Title>
        {isMe ? null : <PersonFollowButton personId={personId} name={name} />}
      </Group>
      <PostFeed source={{ kind: "person", personId }} label={t("person.postsOf", { name })} empty={t("person.empty", { name })} />
    </Stack>
  );
}
