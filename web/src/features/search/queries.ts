import type { Community, CommunitiesPage, SearchPage, SearchQuery, Suggestions } from "@ruche/contracts";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { communitiesKey } from "../communities/queries.ts";

export const searchKey = ["search"] as const;

const PAGE_SIZE = 20;
const SUGGESTIONS_PER_KIND = 5;
// Short enough to feel instant, long enough not to ask for every letter of a word typed fast.
const SUGGESTION_DELAY_MS = 150;
const COMMUNITY_CHOICES = 100;

/** The results of a search, best first, a page at a time; idle while there is nothing to search for. */
export function useSearch(query: Omit<SearchQuery, "cursor" | "limit"> | null) {
  return useInfiniteQuery({
    queryKey: [...searchKey, "results", query],
    queryFn: ({ pageParam }) => api<SearchPage>("GET", "/search", { query: { ...query, cursor: pageParam, limit: PAGE_SIZE } }),
    enabled: query !== null,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A query the API refuses (nothing but excluded words) will not succeed on a second try.
    retry: false,
  });
}

/** People, communities and topics whose names begin with what is typed, once typing pauses. */
export function useSearchSuggestions(typed: string) {
  const [debounced] = useDebouncedValue(typed.trim(), SUGGESTION_DELAY_MS);
  const suggestions = useQuery({
    queryKey: [...searchKey, "suggestions", debounced],
    queryFn: () => api<Suggestions>("GET", "/search/suggestions", { query: { q: debounced, limit: SUGGESTIONS_PER_KIND } }),
    enabled: debounced !== "",
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  return { data: debounced === "" ? undefined : suggestions.data, loading: suggestions.isFetching };
}

/** The communities the viewer belongs to, by name: the choices of the community filter. */
export function useFilterCommunities() {
  return useQuery({
    queryKey: [...communitiesKey, "mine", "search-filter"],
    queryFn: async (): Promise<Community[]> => {
      const page = await api<CommunitiesPage>("GET", "/communities", { query: { mine: true, limit: COMMUNITY_CHOICES } });
      return page.items.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}
