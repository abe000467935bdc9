import type { PeoplePage } from "@ruche/contracts";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { DirectoryFilters } from "./directory-filters.ts";
import { peopleKey } from "./queries.ts";

const PAGE_SIZE = 24;

/** The directory for some filters, a page at a time (keyset pagination on `nextCursor`). */
export function usePeopleDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: [...peopleKey, "directory", filters],
    queryFn: ({ pageParam }) => api<PeoplePage>("GET", "/people", { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
