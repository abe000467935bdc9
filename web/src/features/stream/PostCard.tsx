import type { Post } from "@ruche/contracts";
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconTrash } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useSession } from "../../api/session.ts";
import { AttachmentList } from "./AttachmentList.tsx";
import { CommentsSection } from "./CommentsSection.tsx";
import { EditPostForm } from "./EditPostForm.tsx";
import { LinkPreviewCard } from "./LinkPreviewCard.tsx";
import { PollCard } from "./PollCard.tsx";
import { PostFooter } from "./PostFooter.tsx";
import { PostByline, PostMarkers } from "./PostHeader.tsx";
import { PostMenu } from "./PostMenu.tsx";
import { usePostCache } from "./queries.ts";
import { ReadReceipts } from "./ReadReceipts.tsx";
import { RenderedHtml } from "./RenderedHtml.tsx";
import { SharedOriginal } from "./SharedOriginal.tsx";
import { usePostActions } from "./usePostActions.ts";

/** A deleted post, as its author, managers and admins still see it: admins may bring it back. */
function DeletedNotice({ post }: { post: Post }) {
  const { t } = useTranslation("stream");
  const admin = useSession().data?.user.role === "admin";
  const { restore } = usePostActions(post);
  return (
    <Alert color="red" variant="light" icon={<IconTrash aria-hidden />} title={t("post.deleted")}>
      {admin ? (
        <Button size="xs" variant="default" mt="xs" loading={restore.isPending} onClick={() => restore.mutate()}>
          {t("actions.restore")}
        </Button>
      ) : null}
    </Alert>
  );
}

/** An announcement's acknowledgement ("J'ai lu") for its reader, and its read receipts for those who may see them. */
function AnnouncementStrip({ post }: { post: Post }) {
  const { t } = useTranslation("stream");
  const { acknowledge } = usePostActions(post);
  const myId = useSession().data?.user.id;
  const announcement = post.announcement;
  if (!announcement) return null;
  // Its author has nothing to acknowledge: they wrote it.
  const mine = post.author?.id === myId;
  return (
    <Group gap="sm" justify="space-between">
      {mine ? (
        <span />
      ) : announcement.acknowledgedAt ? (
        <Group gap={4} wrap="nowrap">
          <IconCheck size={16} color="var(--mantine-color-green-9)" aria-hidden />
          <Text size="sm" fw={600}>
            {t("announcements.read")}
          </Text>
        </Group>
      ) : (
        <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
          {t("announcements.acknowledge")}
        </Button>
      )}
      {post.can.seeReaders ? <ReadReceipts postId={post.id} announcement={announcement} /> : null}
    </Group>
  );
}

/** The post's topics, each leading to its page. */
function TopicList({ topics }: { topics: Post["topics"] }) {
  const { t } = useTranslation("stream");
  if (topics.length === 0) return null;
  return (
    <Group component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }} aria-label={t("post.topics")}>
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Badge component={Link} to={`/topics/${encodeURIComponent(topic.slug)}`} variant="light" tt="none" style={{ cursor: "pointer" }}>
            #{topic.name}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

interface PostCardProps {
  post: Post;
  /** The heading level of the author's name: 2 on a post's own page, 3 in a feed under its heading. */
  headingOrder?: 2 | 3;
  /** Comments open from the start (a post's own page). */
  expanded?: boolean;
  /** Its place in a feed, for assistive technology (role="feed"). */
  position?: { index: number; size: number };
}

/**
 * A post as every feed and its own page show it: who, where and when, the body and what it
 * carries (topics, attachments, link preview, poll, shared original), the announcement strip,
 * reactions, bookmark and follow, and the comments on demand.
 */
export function PostCard({ post, headingOrder = 3, expanded = false, position }: PostCardProps) {
  const { t } = useTranslation("stream");
  const cache = usePostCache();
  const [editing, edit] = useDisclosure();
  const [commentsOpen, comments] = useDisclosure(expanded);
  const commentsId = useId();
  const author = post.author?.displayName ?? t("post.formerMember");
  return (
    <Paper
      component="article"
      withBorder
      p={{ base: "sm", sm: "md" }}
      aria-label={t("post.label", { author, community: post.community.name })}
      aria-posinset={position ? position.index + 1 : undefined}
      aria-setsize={position ? position.size : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <PostByline
            post={post}
            heading={(name) => (
              <Title order={headingOrder} size="sm" fw={600}>
                {name}
              </Title>
            )}
          />
          <PostMenu post={post} onEdit={edit.open} />
        </Group>
        <PostMarkers post={post} />
        {post.deletedAt ? <DeletedNotice post={post} /> : null}
        {editing ? <EditPostForm post={post} onDone={edit.close} /> : <RenderedHtml html={post.html} />}
        <TopicList topics={post.topics} />
        <AttachmentList attachments={post.attachments} />
        {post.linkPreview ? <LinkPreviewCard preview={post.linkPreview} /> : null}
        {post.poll ? <PollCard postId={post.id} poll={post.poll} onChange={(poll) => cache.update(post.id, (current) => ({ ...current, poll }))} /> : null}
        {post.shared ? <SharedOriginal shared={post.shared} /> : null}
        {post.deletedAt ? null : <AnnouncementStrip post={post} />}
        {post.deletedAt ? null : <PostFooter post={post} commentsOpen={commentsOpen} commentsId={commentsId} onToggleComments={comments.toggle} />}
        {commentsOpen && !post.deletedAt ? (
          <div id={commentsId}>
            <CommentsSection post={post} />
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
