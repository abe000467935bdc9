import { Alert, Anchor, Skeleton, Stack, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { errorMessage } from "../../api/errors.ts";
import { usePageTitle } from "../../components/usePageTitle.ts";
import { NotFoundPage } from "../../routes/NotFoundPage.tsx";
import { useLivePosts } from "../realtime/useLivePosts.ts";
import { PostCard } from "./PostCard.tsx";
import { isMissing, usePost } from "./queries.ts";

/**
 * `/posts/:id`: one post with its comments open. A post the viewer may not read is the app's
 * "page not found", exactly like one that does not exist.
 */
export function PostPage() {
  const { t } = useTranslation("stream");
  const { id = "" } = useParams();
  const post = usePost(id);
  // The opened post stays live: new comments and reactions appear without a reload.
  useLivePosts(post.data && !post.data.deletedAt ? [`post:${post.data.id}`] : []);
  const author = post.data?.author?.displayName ?? t("post.formerMember");
  usePageTitle(isMissing(post.error) ? t("common:notFound.title") : post.data ? t("post.pageTitle", { author }) : "");

  if (post.isPending) {
    return (
      <Stack maw={760} aria-busy="true">
        <VisuallyHidden role="status">{t("common:loading")}</VisuallyHidden>
        <Skeleton height={220} radius="md" />
      </Stack>
    );
  }
  if (isMissing(post.error)) return <NotFoundPage />;
  if (!post.data) {
    return (
      <Stack>
        <Title order={1}>{t("post.title")}</Title>
        <Alert color="red" role="alert">
          {errorMessage(post.error, t)}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack maw={760} gap="md">
      <Anchor component={Link} to={`/communities/${post.data.community.id}`} size="sm">
        {t("post.backToCommunity", { community: post.data.community.name })}
      </Anchor>
      <Title order={1} size="h3">
        {t("post.pageTitle", { author })}
      </Title>
      <PostCard post={post.data} headingOrder={2} expanded />
    </Stack>
  );
}
