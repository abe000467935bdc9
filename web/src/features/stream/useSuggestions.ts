import type { MentionCandidates, PersonSummary, TopicsPage } from "@ruche/contracts";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { Trigger } from "./autocomplete.ts";
import { streamKey } from "./queries.ts";

/** One choice of the autocomplete: a person to mention or a topic. */
export type Suggestion =
  | { kind: "mention"; value: string; person: PersonSummary; canRead: boolean }
  | { kind: "topic"; value: string; name: string };

const SUGGESTIONS = 8;

/**
 * The people or topics matching what is typed after `@` or `#`. People come from the server,
 * which offers only those the author may see and flags those who cannot read the community.
 */
export function useSuggestions(trigger: Trigger | null, communityId: string | null) {
  // Debounced as one string: a new object on every render would restart the timer for ever.
  const [debounced] = useDebouncedValue(trigger ? `${trigger.kind}:${trigger.query.trim()}` : "", 150);
  const separator = debounced.indexOf(":");
  const kind = separator > 0 ? debounced.slice(0, separator) : null;
  const query = separator > 0 ? debounced.slice(separator + 1) : "";
  const people = useQuery({
    queryKey: [...streamKey, "mentions", communityId, query],
    queryFn: () => api<MentionCandidates>("GET", "/mentions", { query: { q: query, communityId, limit: SUGGESTIONS } }),
    enabled: kind === "mention" && query !== "",
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const topics = useQuery({
    queryKey: [...streamKey, "topic-suggestions", query],
    queryFn: () => api<TopicsPage>("GET", "/topics", { query: { q: query, limit: SUGGESTIONS } }),
    enabled: kind === "topic" && query !== "",
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  if (!trigger || query === "" || trigger.kind !== kind) return { suggestions: [] as Suggestion[], loading: false };
  if (kind === "mention") {
    const suggestions: Suggestion[] = (people.data?.items ?? []).map((item) => ({ kind: "mention", value: item.person.id, person: item.person, canRead: item.canRead }));
    return { suggestions, loading: people.isFetching };
  }
  const suggestions: Suggestion[] = (topics.data?.items ?? []).map((topic) => ({ kind: "topic", value: topic.slug, name: topic.name }));
  return { suggestions, loading: topics.isFetching };
}
