import type { ReactionCounts, ReactionKind, ReactorsPage } from "@ruche/contracts";
import { Group, Modal, SegmentedControl, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { EmptyList, ListError, ListSkeleton } from "../admin/ListStates.tsx";
import { LoadMore } from "../admin/LoadMore.tsx";
import { PersonLink } from "../people/PersonLink.tsx";
import { useReactionLabels } from "./labels.ts";
import { streamKey } from "./queries.ts";
import type { ReactionTarget } from "./ReactionBar.tsx";
import { ReactionIcon } from "./ReactionIcon.tsx";
import { reactionKinds } from "./reactions.ts";

type Filter = ReactionKind | "all";

/** Who reacted to a post or comment, all kinds together or one kind at a time. */
export function ReactorsModal({ target, counts, onClose }: { target: ReactionTarget; counts: ReactionCounts; onClose: () => void }) {
  const { t } = useTranslation("stream");
  const labels = useReactionLabels();
  const [filter, setFilter] = useState<Filter>("all");
  const kind = filter === "all" ? undefined : filter;
  const reactors = useInfiniteQuery({
    queryKey: [...streamKey, "reactors", target.type, target.id, filter],
    queryFn: ({ pageParam }) => api<ReactorsPage>("GET", `/${target.type}/${target.id}/reactions`, { query: { kind, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const present = reactionKinds.filter((candidate) => (counts[candidate] ?? 0) > 0);
  const items = reactors.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Modal opened onClose={onClose} title={t("reactions.whoTitle")} closeButtonProps={{ "aria-label": t("common:close") }} centered>
      <Stack>
        {present.length > 1 ? (
          <SegmentedControl
            aria-label={t("reactions.filter")}
            value={filter}
            onChange={(value) => setFilter(reactionKinds.find((candidate) => candidate === value) ?? "all")}
            data={[
              { value: "all", label: t("reactions.all") },
              ...present.map((candidate) => ({
                value: candidate,
                label: (
                  <>
                    <Group gap={4} wrap="nowrap" justify="center" aria-hidden>
                      <ReactionIcon kind={candidate} />
                      {counts[candidate] ?? 0}
                    </Group>
                    <VisuallyHidden>{t("reactions.count", { reaction: labels[candidate], count: counts[candidate] ?? 0 })}</VisuallyHidden>
                  </>
                ),
              })),
            ]}
            fullWidth
          />
        ) : null}
        {reactors.isPending ? <ListSkeleton /> : null}
        {reactors.isError ? <ListError error={reactors.error} /> : null}
        {reactors.isSuccess && items.length === 0 ? <EmptyList message={t("reactions.nobody")} /> : null}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("reactions.whoTitle")}>
          {items.map((reactor) => (
            <Group component="li" key={`${reactor.person.id}-${reactor.kind}`} justify="space-between" wrap="nowrap">
              <PersonLink person={reactor.person} />
              <Group gap={4} wrap="nowrap">
                <ReactionIcon kind={reactor.kind} size={18} />
                <Text size="sm" c="dimmed">
                  {labels[reactor.kind]}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
        <LoadMore hasMore={reactors.hasNextPage} loading={reactors.isFetchingNextPage} onLoad={() => void reactors.fetchNextPage()} />
      </Stack>
    </Modal>
  );
}
