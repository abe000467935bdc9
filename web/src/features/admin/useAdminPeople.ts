import type { PeoplePage } from "@ruche/contracts";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

/** Under ["people"], so anything that changes a person refreshes this list too. */
export const adminPeopleKey = ["people", "admin-list"] as const;

/** Everyone, deactivated accounts included, in name order, a page at a time; `search` filters by name and more. */
export function useAdminPeople(search: string) {
  return useInfiniteQuery({
    queryKey: [...adminPeopleKey, search],
    queryFn: ({ pageParam }) =>
      api<PeoplePage>("GET", "/people", { query: { includeInactive: true, q: search, cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While another search loads, the previous list stays instead of a skeleton.
    placeholderData: keepPreviousData,
  });
}
