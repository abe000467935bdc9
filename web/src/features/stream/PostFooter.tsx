import type { Post } from "@ruche/contracts";
import type { ReactNode } from "react";
import { ActionIcon, Button, Group, Tooltip } from "@mantine/core";
import { IconBell, IconBellFilled, IconBookmark, IconBookmarkFilled, IconMessageCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ReactionBar } from "./ReactionBar.tsx";
import { usePostCache } from "./queries.ts";
import { usePostActions } from "./usePostActions.ts";

interface PostFooterProps {
  post: Post;
  commentsOpen: boolean;
  commentsId: string;
  onToggleComments: () => void;
}

/** A toggle drawn as an icon: its name stays the same, `aria-pressed` says whether it is on. */
function IconToggle({ label, pressed, onClick, icon }: { label: string; pressed: boolean; onClick: () => void; icon: ReactNode }) {
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <ActionIcon variant={pressed ? "light" : "subtle"} color={pressed ? "indigo" : "gray"} size="lg" aria-label={label} aria-pressed={pressed} onClick={onClick}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}

/** Reactions, the comment count that opens the comments, and the bookmark and follow toggles. */
export function PostFooter({ post, commentsOpen, commentsId, onToggleComments }: PostFooterProps) {
  const { t } = useTranslation("stream");
  const cache = usePostCache();
  const { toggle } = usePostActions(post);
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <ReactionBar
        target={{ type: "posts", id: post.id }}
        summary={post}
        canReact={post.can.react}
        onChange={(summary) => cache.update(post.id, (current) => ({ ...current, ...summary }))}
      />
      <Group gap={4} wrap="nowrap">
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconMessageCircle size={16} aria-hidden />}
          onClick={onToggleComments}
          aria-expanded={commentsOpen}
          aria-controls={commentsOpen ? commentsId : undefined}
        >
          {t("comments.count", { count: post.commentCount })}
        </Button>
        <IconToggle
          label={t("actions.bookmark")}
          pressed={post.bookmarked}
          onClick={() => toggle.mutate({ action: "bookmark", on: !post.bookmarked })}
          icon={post.bookmarked ? <IconBookmarkFilled size={18} aria-hidden /> : <IconBookmark size={18} aria-hidden />}
        />
        <IconToggle
          label={t("actions.follow")}
          pressed={post.following}
          onClick={() => toggle.mutate({ action: "follow", on: !post.following })}
          icon={post.following ? <IconBellFilled size={18} aria-hidden /> : <IconBell size={18} aria-hidden />}
        />
      </Group>
    </Group>
  );
}
