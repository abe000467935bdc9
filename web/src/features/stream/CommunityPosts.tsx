import type { Community } from "@ruche/contracts";
import { Alert, Anchor, Stack, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { tabPath } from "../communities/community-tabs.ts";
import { Composer } from "./Composer.tsx";
import { itemsOf } from "./feed-cache.ts";
import { PostCard } from "./PostCard.tsx";
import { PostFeed } from "./PostFeed.tsx";
import { postingBlock, type PostingBlock } from "./posting.ts";
import { useFeed } from "./queries.ts";

/** Why there is no composer here, in a sentence, with the way forward when there is one. */
function PostingNotice({ community, block }: { community: Community; block: PostingBlock }) {
  const { t } = useTranslation("stream");
  const reasons: Record<PostingBlock, string> = {
    deleted: t("posting.deleted"),
    archived: t("posting.archived"),
    notMember: t("posting.notMember"),
    charter: t("posting.charter"),
    managersOnly: t("posting.managersOnly"),
    notAllowed: t("posting.notAllowed"),
  };
  return (
    <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} role="note">
      {reasons[block]}{" "}
      {block === "charter" ? (
        <Anchor component={Link} to={tabPath(community.id, "about")} inherit>
          {t("posting.readCharter")}
        </Anchor>
      ) : null}
    </Alert>
  );
}

/** The community's pinned posts, above the rest. */
function PinnedPosts({ community }: { community: Community }) {
  const { t } = useTranslation("stream");
  const pinned = useFeed({ kind: "pinned", communityId: community.id });
  const posts = itemsOf(pinned.data);
  if (posts.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="pinned-heading">
      <Title order={2} size="h4" id="pinned-heading">
        {t("community.pinned")}
      </Title>
      {posts.map((post) => (
        <PostCard key={post.id} post={post} />
      ))}
    </Stack>
  );
}

/**
 * A community's "Publications" tab: pinned posts, the composer (or why the viewer may not post),
 * then every other post, newest first.
 */
export function CommunityPosts({ community }: { community: Community }) {
  const { t } = useTranslation("stream");
  const block = postingBlock(community);
  return (
    <Stack gap="lg">
      <PinnedPosts community={community} />
      {block ? <PostingNotice community={community} block={block} /> : <Composer community={community} />}
      <Stack gap="sm" component="section" aria-labelledby="community-feed-heading">
        <Title order={2} size="h4" id="community-feed-heading">
          {t("community.feed")}
        </Title>
        <PostFeed
          source={{ kind: "community", communityId: community.id }}
          label={t("community.feed")}
          empty={t("community.empty")}
          exclude={(post) => post.pinned}
        />
      </Stack>
    </Stack>
  );
}
