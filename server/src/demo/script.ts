import type { CommunityKind, CommunityVisibility, ReactionKind } from "../platform/schema.ts";

/**
 * The shapes the demo's script is written in. People are named by a key (the local part of their
 * address); `ADMIN` stands for the network's administrator, whoever that is. In bodies, `{@key}`
 * becomes a real mention of that person when the text is written.
 */
export const ADMIN = "admin";

/** Someone of the demo organisation (or of its partner, for guests). */
export interface PersonPlan {
  key: string;
  name: string;
  title: string;
  department: string;
  location: string;
  /** Their manager's key; the top of the org chart has none. */
  manager?: string;
  skills: string[];
  languages?: string[];
  bio?: string;
}

/** A project's days, counted from the day of seeding. */
export interface ProjectDays {
  startedDaysAgo: number;
  /** Negative when the project is over: it is then archived, as the hourly job would have done. */
  endsInDays: number;
}

/** A charter in force, and the members who have not accepted it yet (they read but cannot post). */
export interface CharterPlan {
  text: string;
  notYetAcceptedBy: string[];
}

/** A community other than the company one, with its people. */
export interface CommunityPlan {
  key: string;
  kind: Exclude<CommunityKind, "company">;
  visibility: CommunityVisibility;
  name: string;
  description: string;
  createdDaysAgo: number;
  /** Creates it and owns it. */
  owner: string;
  managers?: string[];
  members: string[];
  project?: ProjectDays;
  charter?: CharterPlan;
  /** Someone waiting for an answer to their request to join (closed communities). */
  pendingRequest?: { person: string; message: string };
}

/** How many people reacted in each way. Who they are is drawn from those who may react. */
export type ReactionPlan = Partial<Record<ReactionKind, number>>;

/** A comment, written `minutesAfter` its post (replies: after their parent). */
export interface CommentPlan {
  author: string;
  minutesAfter: number;
  body: string;
  reactions?: ReactionPlan;
  /** One level deep, as in the product. */
  replies?: Omit<CommentPlan, "replies">[];
}

/** A poll: its options with how many voted for each. */
export interface PollPlan {
  options: { label: string; votes: number }[];
  multiple?: boolean;
  /** Still open this many days after seeding; absent: open until its author closes it. */
  closesInDays?: number;
}

/** A post, at `time` (Paris) `daysAgo` days before seeding. */
export interface PostPlan {
  community: string;
  author: string;
  daysAgo: number;
  time: string;
  body: string;
  announcement?: { mustRead: boolean; acknowledgedBy: number };
  poll?: PollPlan;
  reactions?: ReactionPlan;
  comments?: CommentPlan[];
}
