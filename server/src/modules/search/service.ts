import type { Highlighted, SearchHit, SearchPage, SearchQuery, Suggestions, SuggestionsQuery } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import type { SearchKind } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { avatarUrl } from "../people/present.ts";
import { hasTerms, parseQuery } from "./query.ts";
import { CANDIDATES, CONTENT_KINDS, DIRECTORY_KINDS, findKnownTopicId, FRAGMENT_DELIMITER, searchDocuments, START, STOP, suggest, type HitRow } from "./repository.ts";

/**
 * Results go no further than this (the most content candidates one search ranks): past it, a more
 * precise query or a date range serves better than another page.
 */
export const MAX_RESULTS = CANDIDATES;

/** Cuts `ts_headline` output at its markers into plain pieces: the client escapes and marks them. */
export function highlighted(text: string): Highlighted {
  const pieces: Highlighted = [];
  let match = false;
  for (const part of text.split(new RegExp(`(${START}|${STOP})`))) {
    if (part === START) match = true;
    else if (part === STOP) match = false;
    else if (part !== "") pieces.push({ text: part, match });
  }
  return pieces;
}

/** Left out of an excerpt's end rather than cut: a few small words ts_headline skips ("Les", "de la"). */
const SHORT_GAP = 24;
const MARKERS = new RegExp(`[${START}${STOP}]`, "g");

/**
 * An excerpt with "…" where it was cut from its text. When its first fragment starts a few small
 * words into the text (ts_headline skips stop words), those words are put back instead; the same
 * at the end. Otherwise "…" goes before the first fragment unless the text starts there, and after
 * the last unless the text ends there.
 */
export function excerptOf(row: Pick<HitRow, "excerpt" | "body_head" | "body_tail">): Highlighted {
  const pieces = highlighted(row.excerpt);
  if (pieces.length === 0) return pieces;
  const fragments = pieces.map((piece) => piece.text).join("").split(FRAGMENT_DELIMITER);
  const first = (fragments[0] ?? "").trim();
  const last = (fragments[fragments.length - 1] ?? "").trim();
  const head = row.body_head.replace(MARKERS, "").trimStart();
  const tail = row.body_tail.replace(MARKERS, "").trimEnd();
  const result = [...pieces];
  const before = head.indexOf(first);
  if (before > 0 && before <= SHORT_GAP && !/[.!?\n]/.test(head.slice(0, before))) result.unshift({ text: head.slice(0, before), match: false });
  else if (before !== 0) result.unshift({ text: "… ", match: false });
  const after = tail.lastIndexOf(last);
  const rest = after < 0 ? undefined : tail.slice(after + last.length);
  if (rest !== undefined && rest.length <= SHORT_GAP && !/[.!?\n]\s*\S/.test(rest)) {
    if (rest !== "") result.push({ text: rest, match: false });
  } else {
    result.push({ text: " …", match: false });
  }
  return result;
}

function present(row: HitRow): SearchHit {
  return {
    kind: row.kind,
    id: row.object_id,
    title: highlighted(row.title),
    excerpt: excerptOf(row),
    createdAt: row.created_at.toISOString(),
    community: row.community_id && row.community_name !== null ? { id: row.community_id, name: row.community_name } : null,
    author: row.author_id && row.author_name !== null ? { id: row.author_id, displayName: row.author_name } : null,
    postId: row.post_id,
    commentId: row.kind === "comment" ? row.object_id : row.comment_id,
    topicSlug: row.topic_slug,
  };
}

function offsetOf(cursor: string | undefined, limit: number): number {
  if (cursor === undefined) return 0;
  const offset = /^o(\d{1,4})$/.exec(cursor)?.[1];
  if (offset === undefined || Number(offset) + limit > MAX_RESULTS) throw errors.invalidField("cursor", "this page of results does not exist", "search_cursor_invalid");
  return Number(offset);
}

/**
 * Searches everything `viewer` may read. A filter on a community, author or topic the viewer may
 * not see finds nothing, exactly as one that does not exist.
 */
export async function search(db: Executor, viewer: Viewer, input: SearchQuery): Promise<SearchPage> {
  const query = parseQuery(input.q, { prefix: input.prefix ?? false });
  if (!hasTerms(query)) throw errors.invalidField("q", "type at least one word to search for", "search_query_empty");
  if (input.from && input.to && new Date(input.from) > new Date(input.to)) throw errors.invalidField("to", "must not be before from");
  const limit = input.limit ?? 20;
  const offset = offsetOf(input.cursor, limit);
  const scoped = input.communityId !== undefined || input.authorId !== undefined || input.topic !== undefined || input.from !== undefined || input.to !== undefined;
  // Filters on where, who, when and what topic describe content; names have none of those.
  let kinds: SearchKind[] = input.kind ? [input.kind] : scoped ? [...CONTENT_KINDS] : [...CONTENT_KINDS, ...DIRECTORY_KINDS];
  if (scoped) kinds = kinds.filter((kind) => (CONTENT_KINDS as readonly string[]).includes(kind));
  let topicId: string | undefined;
  if (input.topic !== undefined) {
    topicId = await findKnownTopicId(db, viewer, input.topic);
    if (!topicId) return { items: [], nextCursor: null };
  }
  const rows = await searchDocuments(db, viewer, {
    query,
    filters: {
      kinds,
      communityId: input.communityId,
      authorId: input.authorId,
      topicId,
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
    },
    offset,
    limit: limit + 1,
  });
  const more = rows.length > limit && offset + limit < MAX_RESULTS;
  return { items: rows.slice(0, limit).map(present), nextCursor: more ? `o${offset + limit}` : null };
}

/** The header box's suggestions: names that begin with what has been typed so far. */
export async function suggestions(db: Executor, viewer: Viewer, input: SuggestionsQuery): Promise<Suggestions> {
  const query = parseQuery(input.q, { prefix: true });
  const result: Suggestions = { people: [], communities: [], topics: [] };
  if (!hasTerms(query)) return result;
  for (const row of await suggest(db, viewer, { query, limit: input.limit ?? 5 })) {
    if (row.kind === "person") {
      result.people.push({ id: row.object_id, displayName: row.title, jobTitle: row.job_title, avatarUrl: avatarUrl({ id: row.object_id, avatar_file_id: row.avatar_file_id }) });
    } else if (row.kind === "community" && row.community_kind && row.visibility) {
      result.communities.push({
        id: row.object_id,
        name: row.title,
        kind: row.community_kind as Suggestions["communities"][number]["kind"],
        visibility: row.visibility as Suggestions["communities"][number]["visibility"],
      });
    } else if (row.kind === "topic" && row.slug) {
      result.topics.push({ slug: row.slug, name: row.title });
    }
  }
  return result;
}
