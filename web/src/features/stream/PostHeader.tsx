import type { Post } from "@ruche/contracts";
import { Anchor, Avatar, Badge, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPin, IconSpeakerphone, IconUserShare } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { RevisionsModal } from "./RevisionsModal.tsx";
import { TimeAgo } from "./TimeAgo.tsx";

type PostLike = Pick<Post, "id" | "author" | "community" | "createdAt" | "editedAt">;

/** "modifié", opening the post's earlier versions. */
function EditedMarker({ postId }: { postId: string }) {
  const { t } = useTranslation("stream");
  const [opened, revisions] = useDisclosure();
  return (
    <>
      <UnstyledButton onClick={revisions.open} aria-haspopup="dialog">
        <Text span size="sm" c="dimmed" td="underline">
          {t("post.edited")}
        </Text>
      </UnstyledButton>
      {opened ? <RevisionsModal postId={postId} onClose={revisions.close} /> : null}
    </>
  );
}

/**
 * Who wrote a post, where and when: the author's avatar and name (linking to their profile), the
 * community (with the external marker when guests read it), the time linking to the post's own
 * page, and "modifié" when it was edited.
 */
export function PostByline({ post, heading }: { post: PostLike; heading?: (name: ReactNode) => ReactNode }) {
  const { t } = useTranslation("stream");
  const name = post.author ? (
    <Anchor component={Link} to={`/people/${post.author.id}`} fw={600} c="var(--mantine-color-text)">
      {post.author.displayName}
    </Anchor>
  ) : (
    <Text span fw={600}>
      {t("post.formerMember")}
    </Text>
  );
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Avatar src={post.author?.avatarUrl ?? null} alt="" name={post.author?.displayName ?? "?"} color="initials" />
      <Stack gap={0} miw={0}>
        {heading ? heading(name) : name}
        <Group gap={6} wrap="wrap" align="center">
          <Anchor component={Link} to={`/communities/${post.community.id}`} size="sm">
            {post.community.name}
          </Anchor>
          {post.community.external ? (
            <Badge size="sm" color="orange.9" c="black" variant="filled" tt="none" leftSection={<IconUserShare size={12} aria-hidden />}>
              {t("post.external")}
            </Badge>
          ) : null}
          <Text span size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <Anchor component={Link} to={`/posts/${post.id}`} underline="hover" c="dimmed">
            <TimeAgo timestamp={post.createdAt} />
          </Anchor>
          {post.editedAt ? <EditedMarker postId={post.id} /> : null}
        </Group>
      </Stack>
    </Group>
  );
}

/** The markers a post wears: pinned, announcement, must read. */
export function PostMarkers({ post }: { post: Post }) {
  const { t } = useTranslation("stream");
  if (!post.pinned && !post.announcement) return null;
  return (
    <Group gap={6}>
      {post.pinned ? (
        <Badge variant="light" color="gray" tt="none" leftSection={<IconPin size={12} aria-hidden />}>
          {t("post.pinned")}
        </Badge>
      ) : null}
      {post.announcement ? (
        <Badge variant="light" color="indigo" tt="none" leftSection={<IconSpeakerphone size={12} aria-hidden />}>
          {post.announcement.mustRead ? t("post.mustRead") : t("post.announcement")}
        </Badge>
      ) : null}
    </Group>
  );
}
