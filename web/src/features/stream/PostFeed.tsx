import type { Post } from "@ruche/contracts";
import { Alert, Button, Center, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { livePostTopics } from "../realtime/live-feed.ts";
import { NewPostsBanner } from "../realtime/NewPostsBanner.tsx";
import { useLiveFeed } from "../realtime/useLiveFeed.ts";
import { useLivePosts } from "../realtime/useLivePosts.ts";
import { itemsOf } from "./feed-cache.ts";
import { PostCard } from "./PostCard.tsx";
import { useFeed, type FeedSource } from "./queries.ts";

/** Placeholders shaped like posts while the first page loads. */
function FeedSkeleton() {
  const { t } = useTranslation("stream");
  return (
    <Stack gap="md" aria-busy="true" role="status" aria-label={t("common:loading")}>
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height={140} radius="md" />
      ))}
    </Stack>
  );
}

/**
 * Calls `load` when the element scrolls near the viewport: the next page arrives before the reader
 * reaches the end. The "load more" button beside it serves the keyboard and the cautious.
 */
function useNearEnd(load: (() => void) | null) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !load) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [load]);
  return sentinel;
}

interface PostFeedProps {
  source: FeedSource;
  /** The feed's accessible name ("Fil d'actualité"). */
  label: string;
  empty: string;
  /** Posts shown elsewhere on the page (pinned ones above a community's feed). */
  exclude?: (post: Post) => boolean;
}

/**
 * A feed of posts with infinite scroll (role="feed": screen readers move post by post), a "load
 * more" button for keyboards, and a polite announcement of how many posts each page added.
 */
export function PostFeed({ source, label, empty, exclude }: PostFeedProps) {
  const { t } = useTranslation("stream");
  const feed = useFeed(source);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  const fetchMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  // A new observer each time loading may resume: it fires at once if the end is still in view.
  const sentinel = useNearEnd(hasNextPage && !isFetchingNextPage ? fetchMore : null);
  const pages = feed.data?.pages ?? [];
  const lastPage = pages.at(-1);
  const posts = itemsOf(feed.data).filter((post) => !exclude?.(post));
  // Live: others' new posts wait behind a banner; the first page's posts update in place.
  const live = useLiveFeed(source);
  useLivePosts(livePostTopics(pages[0]?.items ?? []));
  const top = useRef<HTMLDivElement>(null);
  const showNew = () => {
    void live.showNew();
    top.current?.scrollIntoView({ block: "start" });
    top.current?.focus();
  };

  if (feed.isPending) return <FeedSkeleton />;
  if (feed.isError) {
    return (
      <Alert color="red" role="alert" title={t("feed.loadFailed")}>
        {errorMessage(feed.error, t)}
      </Alert>
    );
  }
  return (
    <Stack gap="md" ref={top} tabIndex={-1} style={{ outline: "none", scrollMarginTop: 80 }}>
      <NewPostsBanner count={live.waiting} onShow={showNew} />
      {/* A feed must hold articles: an empty one is a sentence, not an empty role="feed". */}
      {posts.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {empty}
        </Text>
      ) : (
        <Stack gap="md" role="feed" aria-label={label} aria-busy={isFetchingNextPage}>
          {posts.map((post, index) => (
            <PostCard key={post.id} post={post} position={{ index, size: hasNextPage ? -1 : posts.length }} />
          ))}
        </Stack>
      )}
      <div ref={sentinel} className="feed-sentinel" />
      {hasNextPage ? (
        <Center>
          <Button variant="default" loading={isFetchingNextPage} onClick={fetchMore}>
            {t("feed.loadMore")}
          </Button>
        </Center>
      ) : posts.length > 0 ? (
        <Text c="dimmed" ta="center" size="sm">
          {t("feed.end")}
        </Text>
      ) : null}
      <VisuallyHidden role="status">{pages.length > 1 && lastPage ? t("feed.loaded", { count: lastPage.items.length }) : ""}</VisuallyHidden>
    </Stack>
  );
}
