import type { InvitationsPage, InvitationStatus } from "@ruche/contracts";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

/** Invitations, newest first, optionally of one status, a page at a time. */
export function useInvitations(status: InvitationStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ["invitations", status ?? "all"],
    queryFn: ({ pageParam }) => api<InvitationsPage>("GET", "/invitations", { query: { status, cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While another status loads, the previous list stays instead of a skeleton.
    placeholderData: keepPreviousData,
  });
}
