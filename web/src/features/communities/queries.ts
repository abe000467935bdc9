import type { CommunitiesPage, Community, JoinRequest, ListCommunitiesQuery, SuggestedCommunities } from "@ruche/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../../api/client.ts";

/** Everything the communities screens cache lives under this key, so one invalidation refreshes them all. */
export const communitiesKey = ["communities"] as const;
export const communityKey = (id: string) => [...communitiesKey, "community", id] as const;

type DirectoryQuery = Omit<ListCommunitiesQuery, "cursor" | "limit">;
type Page<T> = { items: T[]; nextCursor: string | null };

const PAGE_SIZE = 24;

// A malformed id is a 400 and an unknown or hidden community a 404: both mean "no such community here".
export const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/** One community as its viewer may see it. */
export function useCommunity(id: string) {
  return useQuery({
    queryKey: communityKey(id),
    queryFn: () => api<Community>("GET", `/communities/${encodeURIComponent(id)}`),
    retry: (failures, error) => !isMissing(error) && failures < 1,
  });
}

/**
 * A keyset-paginated list under the communities key, a page at a time: `key` names it in the cache,
 * `path` and `query` are the API call.
 */
export function usePagedList<T>(input: { key: readonly unknown[]; path: string; query?: Record<string, string | number | boolean | undefined>; enabled?: boolean }) {
  return useInfiniteQuery({
    queryKey: [...input.key, input.query ?? {}],
    queryFn: ({ pageParam }) => api<Page<T>>("GET", input.path, { query: { ...input.query, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: input.enabled ?? true,
  });
}

/** The directory for some filters. */
export function useCommunityDirectory(query: DirectoryQuery) {
  return usePagedList<Community>({ key: [...communitiesKey, "directory"], path: "/communities", query });
}

/** Communities the viewer might like to join. */
export function useSuggestedCommunities() {
  return useQuery({
    queryKey: [...communitiesKey, "suggested"],
    queryFn: () => api<SuggestedCommunities>("GET", "/communities/suggested", { query: { limit: 6 } }),
  });
}

const INVITATIONS_COUNTED = 100;

/**
 * How many invitations await an answer, for the directory's badge: the number, and its label
 * ("99+" beyond what one page holds); null while unknown or when there are none.
 */
export function useInvitationCount(): { count: number; label: string } | null {
  const invited = useQuery({
    queryKey: [...communitiesKey, "directory", "invitation-count"],
    queryFn: () => api<CommunitiesPage>("GET", "/communities", { query: { invited: true, limit: INVITATIONS_COUNTED } }),
  });
  const count = invited.data?.items.length ?? 0;
  if (count === 0) return null;
  return { count, label: invited.data?.nextCursor ? `${INVITATIONS_COUNTED - 1}+` : String(count) };
}

/** Refetches every community screen after a change (membership, settings, roles). */
export function useCommunitiesChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: communitiesKey });
}

/** A closed community's pending requests to join (managers), shared by its tab and the tab's count. */
export function useJoinRequests(communityId: string, options: { enabled?: boolean } = {}) {
  return usePagedList<JoinRequest>({
    key: [...communityKey(communityId), "requests"],
    path: `/communities/${communityId}/requests`,
    query: { status: "pending" },
    enabled: options.enabled,
  });
}
