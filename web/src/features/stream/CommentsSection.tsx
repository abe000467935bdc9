import type { Comment, Post } from "@ruche/contracts";
import { Alert, Button, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { ListSkeleton } from "../admin/ListStates.tsx";
import { CommentForm } from "./CommentForm.tsx";
import { CommentItem } from "./CommentItem.tsx";
import { itemsOf } from "./feed-cache.ts";
import { useCommentAnchor, useLoadUntilShown, type CommentAnchor } from "./useCommentAnchor.ts";
import { useCommentCache, useComments } from "./useComments.ts";

const listStyle = { listStyle: "none", padding: 0, margin: 0 } as const;

/** "Voir plus", while a list of comments has more. */
function MoreComments({ hasMore, loading, onLoad, label }: { hasMore: boolean; loading: boolean; onLoad: () => void; label: string }) {
  if (!hasMore) return null;
  return (
    <Button variant="subtle" size="compact-sm" loading={loading} onClick={onLoad} w="fit-content">
      {label}
    </Button>
  );
}

/** The replies to one comment, loaded when opened; with `anchorId`, until that reply is shown. */
function Replies({ parent, communityId, anchorId }: { parent: Comment; communityId: string; anchorId: string | null }) {
  const { t } = useTranslation("stream");
  const replies = useComments(parent.postId, parent.id);
  useLoadUntilShown(replies, anchorId);
  return (
    <Stack gap="xs">
      {replies.isPending ? <ListSkeleton /> : null}
      <Stack component="ol" gap="sm" style={listStyle} aria-label={t("comments.repliesTo", { name: parent.author?.displayName ?? t("post.formerMember") })}>
        {itemsOf(replies.data).map((reply) => (
          <CommentItem key={reply.id} comment={reply} communityId={communityId} anchored={reply.id === anchorId} />
        ))}
      </Stack>
      <MoreComments hasMore={replies.hasNextPage} loading={replies.isFetchingNextPage} onLoad={() => void replies.fetchNextPage()} label={t("comments.moreReplies")} />
    </Stack>
  );
}

/**
 * A top-level comment with its replies (shown on demand) and the reply form. When a link points
 * at one of its replies (`anchor`), the replies open by themselves.
 */
function Thread({ comment, communityId, anchor }: { comment: Comment; communityId: string; anchor: CommentAnchor | null }) {
  const { t } = useTranslation("stream");
  const cache = useCommentCache(comment.postId);
  const [repliesShown, replies] = useDisclosure();
  const [replying, reply] = useDisclosure();
  const anchoredReply = anchor && anchor.commentId !== comment.id ? anchor.commentId : null;
  const { open: openReplies } = replies;
  useEffect(() => {
    if (anchoredReply) openReplies();
  }, [anchoredReply, openReplies]);
  const actions = (
    <>
      {comment.replyCount > 0 ? (
        <Button variant="subtle" size="compact-sm" onClick={replies.toggle} aria-expanded={repliesShown}>
          {repliesShown ? t("comments.hideReplies") : t("comments.showReplies", { count: comment.replyCount })}
        </Button>
      ) : null}
      {comment.can.reply && !comment.deletedAt ? (
        <Button variant="subtle" size="compact-sm" onClick={reply.open}>
          {t("comments.reply")}
        </Button>
      ) : null}
    </>
  );
  return (
    <CommentItem comment={comment} communityId={communityId} actions={actions} anchored={anchor?.commentId === comment.id}>
      {repliesShown || (comment.deletedAt && comment.replyCount > 0) ? <Replies parent={comment} communityId={communityId} anchorId={anchoredReply} /> : null}
      {replying ? (
        <CommentForm
          label={t("comments.replyLabel", { name: comment.author?.displayName ?? t("post.formerMember") })}
          communityId={communityId}
          submitLabel={t("comments.sendReply")}
          send={(body) => api<Comment>("POST", `/posts/${comment.postId}/comments`, { body: { body, parentId: comment.id } })}
          later={{ postId: comment.postId, parentId: comment.id }}
          onSent={(sent) => {
            reply.close();
            replies.open();
            void cache.added(sent);
          }}
          onCancel={reply.close}
          autoFocus
        />
      ) : null}
    </CommentItem>
  );
}

/**
 * A post's comments, oldest first, a page at a time, and the form to add one when the viewer may.
 * A link to one of them (`#comment-<id>`) loads pages until it is shown, then it is scrolled to.
 */
export function CommentsSection({ post }: { post: Post }) {
  const { t } = useTranslation("stream");
  const comments = useComments(post.id, null);
  const anchor = useCommentAnchor(post.id);
  useLoadUntilShown(comments, anchor?.threadId ?? null);
  const cache = useCommentCache(post.id);
  const items = itemsOf(comments.data);
  return (
    <Stack gap="sm" component="section" aria-label={t("comments.title")}>
      {comments.isPending ? <ListSkeleton /> : null}
      {comments.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(comments.error, t)}
        </Alert>
      ) : null}
      {comments.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("comments.none")}
        </Text>
      ) : null}
      <Stack component="ol" gap="sm" style={listStyle} aria-label={t("comments.title")}>
        {items.map((comment) => (
          <Thread key={comment.id} comment={comment} communityId={post.community.id} anchor={anchor?.threadId === comment.id ? anchor : null} />
        ))}
      </Stack>
      <MoreComments hasMore={comments.hasNextPage} loading={comments.isFetchingNextPage} onLoad={() => void comments.fetchNextPage()} label={t("comments.more")} />
      {post.can.comment ? (
        <CommentForm
          label={t("comments.label")}
          communityId={post.community.id}
          submitLabel={t("comments.send")}
          send={(body) => api<Comment>("POST", `/posts/${post.id}/comments`, { body: { body } })}
          later={{ postId: post.id }}
          onSent={(sent) => void cache.added(sent)}
        />
      ) : null}
    </Stack>
  );
}
