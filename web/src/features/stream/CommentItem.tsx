import type { Comment } from "@ruche/contracts";
import { ActionIcon, Anchor, Avatar, Box, Group, Menu, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDots, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api } from "../../api/client.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { ConfirmModal } from "../admin/ConfirmModal.tsx";
import { AttachmentList } from "./AttachmentList.tsx";
import { commentElementId } from "./comment-anchor.ts";
import { CommentForm } from "./CommentForm.tsx";
import { ReactionBar } from "./ReactionBar.tsx";
import { RenderedHtml } from "./RenderedHtml.tsx";
import { TimeAgo } from "./TimeAgo.tsx";
import { useCommentCache } from "./useComments.ts";
import "./stream.css";

/** Edit and delete, for the comment's author (and moderators for deleting). */
function CommentMenu({ comment, onEdit }: { comment: Comment; onEdit: () => void }) {
  const { t } = useTranslation("stream");
  const cache = useCommentCache(comment.postId);
  const [confirming, confirm] = useDisclosure();
  const remove = useMutation({
    mutationFn: () => api("DELETE", `/comments/${comment.id}`),
    onSuccess: () => {
      confirm.close();
      void cache.removed();
      notifySuccess(t, t("comments.deleted"));
    },
    onError: (error) => notifyFailure(t, t("comments.deleteFailed"), error),
  });
  if (!comment.can.edit && !comment.can.delete) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t("comments.menu", { name: comment.author?.displayName ?? t("post.formerMember") })}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {comment.can.edit ? (
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
              {t("menu.edit")}
            </Menu.Item>
          ) : null}
          {comment.can.delete ? (
            <Menu.Item color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
              {t("menu.delete")}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirming}
        title={t("comments.deleteTitle")}
        message={t("comments.deleteMessage")}
        confirmLabel={t("delete.confirm")}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={confirm.close}
      />
    </>
  );
}

interface CommentItemProps {
  comment: Comment;
  communityId: string;
  /** The reply button, replies and reply form of a top-level comment. */
  children?: ReactNode;
  actions?: ReactNode;
  /** The comment a link points at (`#comment-<id>`): scrolled to, focused and marked for a moment. */
  anchored?: boolean;
}

/**
 * Brings the comment a link points at into view once it is shown, and moves focus to it so that
 * keyboard and screen reader users land there too (it takes focus only then: tabIndex -1).
 */
function useScrollToAnchored(anchored: boolean): (element: HTMLElement | null) => void {
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!anchored || !ref.current) return;
    ref.current.scrollIntoView({ block: "center" });
    ref.current.focus({ preventScroll: true });
  }, [anchored]);
  // A callback ref: Mantine's Group types its ref as a div's, whatever element it renders.
  return useCallback((element: HTMLElement | null) => {
    ref.current = element;
  }, []);
}

/** One comment: author, time, body, attachments, reactions, its menu; a deleted one with replies stays as a placeholder. */
export function CommentItem({ comment, communityId, children, actions, anchored = false }: CommentItemProps) {
  const { t } = useTranslation("stream");
  const cache = useCommentCache(comment.postId);
  const [editing, edit] = useDisclosure();
  const ref = useScrollToAnchored(anchored);
  const author = comment.author;
  return (
    <Group
      component="li"
      ref={ref}
      id={commentElementId(comment.id)}
      tabIndex={anchored ? -1 : undefined}
      className={anchored ? "comment-anchored" : undefined}
      gap="sm"
      wrap="nowrap"
      align="flex-start"
    >
      {anchored ? <VisuallyHidden>{t("comments.linked")}</VisuallyHidden> : null}
      <Avatar src={author?.avatarUrl ?? null} alt="" name={author?.displayName ?? "?"} color="initials" size="sm" />
      <Stack gap={4} miw={0} flex={1}>
        <Box bg="gray.0" p="xs" style={{ borderRadius: "var(--mantine-radius-md)" }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="wrap">
              {author ? (
                <Anchor component={Link} to={`/people/${author.id}`} size="sm" fw={600} c="var(--mantine-color-text)">
                  {author.displayName}
                </Anchor>
              ) : (
                <Text size="sm" fw={600}>
                  {t("post.formerMember")}
                </Text>
              )}
              <TimeAgo timestamp={comment.createdAt} />
              {comment.editedAt ? (
                <Text size="sm" c="dimmed">
                  {t("post.edited")}
                </Text>
              ) : null}
            </Group>
            {comment.deletedAt ? null : <CommentMenu comment={comment} onEdit={edit.open} />}
          </Group>
          {comment.deletedAt ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t("comments.deletedPlaceholder")}
            </Text>
          ) : editing ? (
            <CommentForm
              label={t("comments.editLabel")}
              communityId={communityId}
              editing={comment}
              submitLabel={t("common:save")}
              send={(body) => api<Comment>("PATCH", `/comments/${comment.id}`, { body: { body } })}
              onSent={(updated) => {
                cache.update(comment.id, () => updated);
                edit.close();
              }}
              onCancel={edit.close}
              autoFocus
            />
          ) : (
            <RenderedHtml html={comment.html} size="sm" />
          )}
        </Box>
        {comment.deletedAt ? null : <AttachmentList attachments={comment.attachments} />}
        {comment.deletedAt ? null : (
          <Group gap="xs" wrap="wrap">
            <ReactionBar
              target={{ type: "comments", id: comment.id }}
              summary={comment}
              canReact={comment.can.react}
              compact
              onChange={(summary) => cache.update(comment.id, (current) => ({ ...current, ...summary }))}
            />
            {actions}
          </Group>
        )}
        {children}
      </Stack>
    </Group>
  );
}
