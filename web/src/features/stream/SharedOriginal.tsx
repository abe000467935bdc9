import type { Post } from "@ruche/contracts";
import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { AttachmentList } from "./AttachmentList.tsx";
import { PostByline } from "./PostHeader.tsx";
import { RenderedHtml } from "./RenderedHtml.tsx";

/**
 * The post a share points to, embedded under it; or, when the viewer may not read the original
 * (or it was deleted), a note saying so and nothing of its content.
 */
export function SharedOriginal({ shared }: { shared: NonNullable<Post["shared"]> }) {
  const { t } = useTranslation("stream");
  const original = shared.available ? shared.post : null;
  if (!original) {
    return (
      <Paper withBorder p="sm" radius="md" bg="gray.0">
        <Group gap="xs" wrap="nowrap">
          <IconLock size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            {t("share.unavailable")}
          </Text>
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" component="figure" m={0} aria-label={t("share.original")}>
      <Stack gap="xs">
        <PostByline post={original} />
        <RenderedHtml html={original.html} size="sm" />
        <AttachmentList attachments={original.attachments} />
        <Anchor component={Link} to={`/posts/${original.id}`} size="sm">
          {t("share.openOriginal")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
