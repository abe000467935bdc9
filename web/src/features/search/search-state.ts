import type { SearchKind, SearchQuery } from "@ruche/contracts";

/** Every kind of result, in the order the kind filter offers them. */
export const searchKinds: readonly SearchKind[] = ["post", "comment", "file", "person", "community", "topic"];

/** Kinds that are names in a directory: where, by whom, when and what topic do not describe them. */
const directoryKinds: readonly SearchKind[] = ["person", "community", "topic"];

/** The search page's words and filters, as kept in the URL (`?q=velo&kind=post&author=<id>&from=2025-03-01`). */
export interface SearchState {
  q: string;
  kind: SearchKind | "";
  communityId: string;
  /** The person whose posts, comments and files are searched (`author` in the URL). */
  authorId: string;
  topic: string;
  /** Calendar days (`YYYY-MM-DD`) as a date field gives them, both included; "" for none. */
  from: string;
  to: string;
}

export const emptySearch: SearchState = { q: "", kind: "", communityId: "", authorId: "", topic: "", from: "", to: "" };

/** Every filter removed, the words kept. */
export const noFilters: Omit<SearchState, "q"> = { kind: "", communityId: "", authorId: "", topic: "", from: "", to: "" };

/** The longest query the API takes; a longer one (only a hand-made URL has one) is cut. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TOPIC_LENGTH = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime());
}

/** Reads the search from the URL; unknown or malformed values are dropped rather than sent. */
export function searchFromUrl(params: URLSearchParams): SearchState {
  const kind = searchKinds.find((known) => known === params.get("kind")) ?? "";
  const communityId = params.get("community") ?? "";
  const authorId = params.get("author") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    q: (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH),
    kind,
    communityId: UUID.test(communityId) ? communityId : "",
    authorId: UUID.test(authorId) ? authorId : "",
    topic: (params.get("topic") ?? "").trim().slice(0, MAX_TOPIC_LENGTH),
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
  };
}

/** Only what is set, trimmed, so a plain search keeps a plain URL (`/search?q=velo`). */
export function searchToUrl(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, string][] = [
    ["q", state.q.trim()],
    ["kind", state.kind],
    ["community", state.communityId],
    ["author", state.authorId],
    ["topic", state.topic.trim()],
    ["from", state.from],
    ["to", state.to],
  ];
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}

/** The address of the search page for `q`, with no filter. */
export function searchPath(q: string): string {
  return `/search?${searchToUrl({ ...emptySearch, q }).toString()}`;
}

/** Whether the community, author, topic and date filters apply to the kind chosen (they describe content). */
export function contentFiltersApply(kind: SearchState["kind"]): boolean {
  return kind === "" || !directoryKinds.includes(kind);
}

/** Whether any filter narrows the search (the "no results" help then offers to remove them). */
export function hasFilters(state: SearchState): boolean {
  return state.kind !== "" || state.communityId !== "" || state.authorId !== "" || state.topic.trim() !== "" || state.from !== "" || state.to !== "";
}

/** Whether the end of the date range comes before its start (then nothing could be found). */
export function datesReversed(state: SearchState): boolean {
  return contentFiltersApply(state.kind) && state.from !== "" && state.to !== "" && state.to < state.from;
}

/** The start of a calendar day in the reader's time zone, as the API's timestamp. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The start of the next day: the API's `to` excludes it, so the day chosen is included whole. */
function startOfNextDay(day: string): string {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/**
 * The API query for a search state (pagination aside), or null when there is nothing to search
 * for yet. Filters that do not apply to the kind chosen are left out: with them the API would
 * find no person, community or topic at all. With no kind chosen, a content filter (an author,
 * say) makes the API search content alone.
 */
export function searchQuery(state: SearchState): Omit<SearchQuery, "cursor" | "limit"> | null {
  const q = state.q.trim();
  if (q === "") return null;
  const query: Omit<SearchQuery, "cursor" | "limit"> = { q };
  if (state.kind) query.kind = state.kind;
  if (!contentFiltersApply(state.kind)) return query;
  if (state.communityId) query.communityId = state.communityId;
  if (state.authorId) query.authorId = state.authorId;
  const topic = state.topic.trim();
  if (topic) query.topic = topic;
  if (state.from) query.from = startOfDay(state.from);
  if (state.to) query.to = startOfNextDay(state.to);
  return query;
}
