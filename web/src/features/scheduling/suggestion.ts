import type { SendCommentLaterSuggestionBody, SendLaterSuggestion } from "@ruche/contracts";

/** What "12 people are off now: send at 08:00?" shows, or null when nobody would be reached off hours. */
export function offHoursHint(suggestion: SendLaterSuggestion | undefined): { offNow: number; sendAt: string } | null {
  if (!suggestion?.suggestedSendAt || suggestion.offNow === 0) return null;
  return { offNow: suggestion.offNow, sendAt: suggestion.suggestedSendAt };
}

/**
 * What to ask the comment suggestion about: nothing while the box is empty (a feed renders many
 * comment boxes nobody writes in), then the post and parent only, never the text, so that the
 * answer is asked once per box rather than at every keystroke.
 */
export function commentSuggestionBody(target: SendCommentLaterSuggestionBody, body: string): SendCommentLaterSuggestionBody | null {
  if (body.trim() === "") return null;
  return target.parentId ? { postId: target.postId, parentId: target.parentId } : { postId: target.postId };
}
