import type { Post } from "@ruche/contracts";
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconSpeakerphone } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { itemsOf } from "./feed-cache.ts";
import { AttachmentList } from "./AttachmentList.tsx";
import { useFeed } from "./queries.ts";
import { RenderedHtml } from "./RenderedHtml.tsx";
import { usePostActions } from "./usePostActions.ts";

/** One unread announcement: where and from whom, its text, and "J'ai lu", which takes it off the top of the page. */
function AnnouncementBanner({ post }: { post: Post }) {
  const { t } = useTranslation("stream");
  const { acknowledge } = usePostActions(post);
  const headingId = useId();
  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md" bg="indigo.0" style={{ borderColor: "var(--mantine-color-indigo-3)" }}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconSpeakerphone size={20} aria-hidden />
            <Title order={3} size="sm" id={headingId}>
              {t("announcements.from", { author: post.author?.displayName ?? t("post.formerMember"), community: post.community.name })}
            </Title>
          </Group>
          {post.announcement?.mustRead ? (
            <Badge color="indigo" variant="filled" tt="none">
              {t("post.mustRead")}
            </Badge>
          ) : null}
        </Group>
        <RenderedHtml html={post.html} />
        <AttachmentList attachments={post.attachments} />
        <Group justify="space-between" gap="sm">
          <Anchor component={Link} to={`/posts/${post.id}`} size="sm">
            {t("announcements.open")}
          </Anchor>
          <Button leftSection={<IconCheck size={16} aria-hidden />} loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
            {t("announcements.acknowledge")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The announcements the viewer has not acknowledged, above everything else on the home page:
 * must-read ones stay until acknowledged.
 */
export function AnnouncementBanners() {
  const { t } = useTranslation("stream");
  const announcements = useFeed({ kind: "announcements" }, { pageSize: 10 });
  const posts = itemsOf(announcements.data);
  if (posts.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-label={t("announcements.title")}>
      <Text size="sm" fw={600} c="indigo.9">
        {t("announcements.unread", { count: posts.length })}
      </Text>
      {posts.map((post) => (
        <AnnouncementBanner key={post.id} post={post} />
      ))}
    </Stack>
  );
}
