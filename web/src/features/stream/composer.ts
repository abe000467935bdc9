import { MAX_ATTACHMENTS, POST_MAX_LENGTH, type CreatePostBody, type PollInput } from "@ruche/contracts";

/** A poll being written: options as typed, the closing time as the browser's local date-time field gives it. */
export interface PollDraft {
  options: string[];
  multiple: boolean;
  /** `YYYY-MM-DDTHH:mm` in the author's time zone, or "" for no closing date. */
  closesAt: string;
  resultsVisible: "after_vote" | "after_close";
}

/** A post being written in the composer. */
export interface PostDraft {
  communityId: string | null;
  body: string;
  attachmentIds: string[];
  poll: PollDraft | null;
  announcement: boolean;
  mustRead: boolean;
  /** An announcement marked urgent (delivered despite the right to disconnect): its reason; null or absent when not urgent. */
  urgentReason?: string | null;
}

export const emptyPoll = (): PollDraft => ({ options: ["", ""], multiple: false, closesAt: "", resultsVisible: "after_vote" });

export const MIN_POLL_OPTIONS = 2;
export const MAX_POLL_OPTIONS = 20;

/** What stops a draft from being posted, by the field that shows it. */
export interface DraftProblems {
  communityId?: "noCommunity";
  body?: "emptyBody" | "tooLong";
  poll?: "pollOptions" | "pollClosed";
  urgent?: "urgentReason";
}

const filledOptions = (poll: PollDraft) => poll.options.map((option) => option.trim()).filter(Boolean);

/**
 * The mistakes the composer can point out before asking the server, which checks them all again:
 * no community, an empty or too long body, a poll with fewer than two options or closing in the past.
 */
export function draftProblems(draft: PostDraft, now: Date): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.communityId) problems.communityId = "noCommunity";
  if (draft.body.trim() === "") problems.body = "emptyBody";
  else if (draft.body.length > POST_MAX_LENGTH) problems.body = "tooLong";
  if (draft.announcement && typeof draft.urgentReason === "string" && draft.urgentReason.trim() === "") problems.urgent = "urgentReason";
  if (draft.poll) {
    if (filledOptions(draft.poll).length < MIN_POLL_OPTIONS) problems.poll = "pollOptions";
    else if (draft.poll.closesAt && new Date(draft.poll.closesAt).getTime() <= now.getTime()) problems.poll = "pollClosed";
  }
  return problems;
}

function pollInput(poll: PollDraft): PollInput {
  return {
    options: filledOptions(poll),
    multiple: poll.multiple,
    closesAt: poll.closesAt ? new Date(poll.closesAt).toISOString() : null,
    resultsVisible: poll.resultsVisible,
  };
}

/**
 * The API request for a draft that has no problems. The announcement flags go only when the
 * composer offered them (`mayAnnounce`), and "must read" only with an announcement.
 */
export function createPostBody(draft: PostDraft & { communityId: string }, mayAnnounce: boolean): CreatePostBody {
  const announcement = mayAnnounce && draft.announcement;
  return {
    communityId: draft.communityId,
    body: draft.body,
    ...(draft.attachmentIds.length > 0 ? { attachmentIds: draft.attachmentIds.slice(0, MAX_ATTACHMENTS) } : {}),
    ...(draft.poll ? { poll: pollInput(draft.poll) } : {}),
    ...(announcement ? { announcement: true, mustRead: draft.mustRead } : {}),
    ...(announcement && typeof draft.urgentReason === "string" ? { urgent: { reason: draft.urgentReason.trim() } } : {}),
  };
}

/** How many of the files someone adds still fit under the attachment limit, and how many are turned away. */
export function roomForFiles(attached: number, added: number, max = MAX_ATTACHMENTS): { accepted: number; refused: number } {
  const accepted = Math.max(0, Math.min(added, max - attached));
  return { accepted, refused: added - accepted };
}

/**
 * The API's messages by the composer's fields: the API names nested fields with dots
 * (`poll.options.1`), the composer shows them on the part that holds them (`poll`).
 */
export function messagesByPart(byField: Record<string, string>, parts: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(byField)) {
    const part = field.split(".")[0] ?? field;
    if (parts.includes(part) && !result[part]) result[part] = message;
  }
  return result;
}
