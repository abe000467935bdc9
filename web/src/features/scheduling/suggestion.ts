import type { SendCommentLaterSuggestionBody, SendLaterSuggestion, SendLaterSuggestionBody } from "@ruche/contracts";

/** What "12 people are off now: send at 08:00?" shows, or null when nobody would be reached off hours. */
export function offHoursHint(suggestion: SendLaterSuggestion | undefined): { offNow: number; sendAt: string } | null {
  if (!suggestion?.suggestedSendAt || suggestion.offNow === 0) return null;
  return { offNow: suggestion.offNow, sendAt: suggestion.suggestedSendAt };
}

const MENTION_LINK = /\]\(mention:([0-9a-f-]{36})\)/gi;

/**
 * The people a draft mentions (its `[@Name](mention:<id>)` links), distinct and in order: they are
 * told of it too. Sorted, so that the suggestion is asked again only when the set changes.
 */
export function draftMentions(body: string): string[] {
  const ids = new Set([...body.matchAll(MENTION_LINK)].map((match) => (match[1] ?? "").toLowerCase()));
  return [...ids].sort().slice(0, 50);
}

/** A suggestion body's mentions, left out when there are none. */
function withMentions<T extends object>(body: T, text: string): T & { mentions?: string[] } {
  const mentions = draftMentions(text);
  return mentions.length > 0 ? { ...body, mentions } : body;
}

/** What to ask the post suggestion about: where the draft goes, as what, and whom it mentions. */
export function postSuggestionBody(draft: { communityId: string | null; announcement: boolean }, body: string): SendLaterSuggestionBody | null {
  if (!draft.communityId) return null;
  return withMentions({ communityId: draft.communityId, announcement: draft.announcement }, body);
}

/**
 * What to ask the comment suggestion about: nothing while the box is empty (a feed renders many
 * comment boxes nobody writes in), then the post and parent, and whom it mentions, never the text,
 * so that the answer is asked once per box and mention rather than at every keystroke.
 */
export function commentSuggestionBody(target: SendCommentLaterSuggestionBody, body: string): SendCommentLaterSuggestionBody | null {
  if (body.trim() === "") return null;
  return withMentions(target.parentId ? { postId: target.postId, parentId: target.parentId } : { postId: target.postId }, body);
}
