import type { SearchHit, Suggestions } from "@ruche/contracts";
import { commentElementId } from "../stream/comment-anchor.ts";
import { searchPath } from "./search-state.ts";

/**
 * Where a result leads: a post or file opens its post; a comment, or a file attached to one, opens
 * its post at that comment (the post page finds it, opening its thread, and marks it); a person,
 * community or topic its own page.
 */
export function hitTarget(hit: SearchHit): string {
  switch (hit.kind) {
    case "person":
      return `/people/${encodeURIComponent(hit.id)}`;
    case "community":
      return `/communities/${encodeURIComponent(hit.id)}`;
    case "topic":
      return `/topics/${encodeURIComponent(hit.topicSlug ?? hit.id)}`;
    default:
      if (hit.postId && hit.commentId) return `/posts/${encodeURIComponent(hit.postId)}#${commentElementId(hit.commentId)}`;
      if (hit.postId) return `/posts/${encodeURIComponent(hit.postId)}`;
      return hit.community ? `/communities/${encodeURIComponent(hit.community.id)}` : "/";
  }
}

/** One choice of the header's box: a person, community or topic, or "search for what I typed". */
export type SuggestionOption =
  | { value: string; kind: "person"; person: Suggestions["people"][number] }
  | { value: string; kind: "community"; community: Suggestions["communities"][number] }
  | { value: string; kind: "topic"; topic: Suggestions["topics"][number] }
  | { value: string; kind: "search"; query: string };

/** The header box's choices, by kind, each with a value that names it uniquely and where it leads. */
export function suggestionOptions(suggestions: Suggestions | undefined, typed: string) {
  const query = typed.trim();
  return {
    people: (suggestions?.people ?? []).map((person): SuggestionOption => ({ value: `/people/${encodeURIComponent(person.id)}`, kind: "person", person })),
    communities: (suggestions?.communities ?? []).map((community): SuggestionOption => ({ value: `/communities/${encodeURIComponent(community.id)}`, kind: "community", community })),
    topics: (suggestions?.topics ?? []).map((topic): SuggestionOption => ({ value: `/topics/${encodeURIComponent(topic.slug)}`, kind: "topic", topic })),
    search: query === "" ? null : ({ value: searchPath(query), kind: "search", query } satisfies SuggestionOption),
  };
}
