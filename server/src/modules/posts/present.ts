import type { Announcement, Attachment, LinkPreview, Poll, Post, ReactionKind } from "@ruche/contracts";
import type { Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { attachmentsFor } from "../attachments/repository.ts";
import { factsOf } from "../communities/present.ts";
import type { CommunityFactsRow } from "../communities/repository.ts";
import { announcementsFor } from "../feeds/announcements.ts";
import type { Viewer } from "../people/policy.ts";
import { presentSummary } from "../people/present.ts";
import { pollsFor } from "../polls/repository.ts";
import { previewsFor } from "../previews/repository.ts";
import { myReactionsOn } from "../reactions/repository.ts";
import { postFactsOf } from "./access.ts";
import { can, type PostFacts } from "./policy.ts";
import { findPresentedPostRows, visiblePeopleAmong, type PresentedPostRow } from "./present-repository.ts";
import type { PostRow } from "./repository.ts";

type PostFields = Omit<Post, "shared">;

/** A post row with its policy facts and community, ready to present. */
interface Readable {
  row: PresentedPostRow;
  community: CommunityFactsRow;
  facts: PostFacts;
}

/** Everything the batch loaders found for the posts of one page. */
interface PageContext {
  viewer: Viewer;
  reactions: Map<string, ReactionKind[]>;
  polls: Map<string, Poll>;
  attachments: Map<string, Attachment[]>;
  previews: Map<string, LinkPreview>;
  announcements: Map<string, Announcement>;
  visiblePeople: Set<string>;
}

const unique = <T>(values: (T | null)[]): T[] => [...new Set(values.filter((value): value is T => value !== null))];

const MENTION_ID = /data-person-id="([0-9a-f-]{36})"/g;
const MENTION_LINK = /<a class="mention"[^>]*\sdata-person-id="([0-9a-f-]{36})"[^>]*>([^<]*)<\/a>/g;

/** The people a stored body links to as mentions. */
function mentionedIn(html: string): string[] {
  return [...html.matchAll(MENTION_ID)].map((match) => match[1] ?? "");
}

/** A mention stays a link only for a viewer who may see that person (a guest sees only co-members). */
function hideInvisibleMentions(html: string, visible: Set<string>): string {
  return html.replace(MENTION_LINK, (link, id: string, label: string) => (visible.has(id) ? link : `<span class="mention-plain">${label}</span>`));
}

/**
 * Stored bodies as `viewer` may see them, for bodies presented outside `loadPosts` (comments):
 * one query finds which of the people they mention the viewer may see.
 * @example const asSeen = await mentionsAsSeenBy(db, viewer, rows.map((row) => row.body_html)); asSeen(row.body_html)
 */
export async function mentionsAsSeenBy(db: Executor, viewer: Viewer, htmls: string[]): Promise<(html: string) => string> {
  const visible = await visiblePeopleAmong(db, viewer, unique(htmls.flatMap(mentionedIn)));
  return (html) => hideInvisibleMentions(html, visible);
}

/**
 * Of the presented `rows`, the posts the viewer may reach (administrators also reach deleted ones,
 * to restore them), and the originals of their shares that the viewer may read: an original is
 * shown only to its readers, and to nobody once deleted.
 */
async function reachablePosts(db: Executor, viewer: Viewer, rows: PresentedPostRow[]): Promise<{ shown: Map<string, Readable>; originals: Map<string, Readable> }> {
  const loaded = new Set(rows.map((row) => row.id));
  const originalRows = await findPresentedPostRows(db, viewer, unique(rows.map((row) => row.shared_post_id)).filter((id) => !loaded.has(id)));
  const readable = new Map<string, Readable>();
  const shown = new Map<string, Readable>();
  for (const row of [...rows, ...originalRows]) {
    const community = row.community;
    if (!community) continue;
    const post = { row, community, facts: postFactsOf(row, factsOf(community)) };
    if (can(viewer, "read", post.facts)) readable.set(row.id, post);
    if (loaded.has(row.id) && (can(viewer, "read", post.facts) || can(viewer, "restore", post.facts))) shown.set(row.id, post);
  }
  const originals = new Map<string, Readable>();
  for (const id of unique([...shown.values()].map((post) => post.row.shared_post_id))) {
    const original = readable.get(id);
    if (original) originals.set(id, original);
  }
  return { shown, originals };
}

/**
 * The posts among `ids` that `viewer` may read, in the order of `ids`, each with its author,
 * community, topics, counts, the viewer's reactions, bookmark and follow, poll, attachments, link
 * preview, announcement state and shared original. The number of queries does not depend on how
 * many posts there are.
 */
export async function loadPosts(db: Executor, viewer: Viewer, ids: string[]): Promise<Post[]> {
  return presentPostRows(db, viewer, ids, await findPresentedPostRows(db, viewer, unique(ids)));
}

/**
 * Like `loadPosts`, for rows a feed has already fetched with its page (`findPresentedPage`):
 * presents those of `ids` the viewer may read, in the order of `ids`.
 */
export async function presentPostRows(db: Executor, viewer: Viewer, ids: string[], rows: PresentedPostRow[]): Promise<Post[]> {
  const { shown, originals } = await reachablePosts(db, viewer, rows);
  const context = await loadPageContext(db, viewer, [...new Map([...shown, ...originals]).values()]);
  return ids.flatMap((id) => {
    const post = shown.get(id);
    if (!post) return [];
    const sharedId = post.row.shared_post_id;
    const original = sharedId === null ? undefined : originals.get(sharedId);
    const shared = sharedId === null ? null : { available: original !== undefined, post: original ? presentFields(original, context) : null };
    return [{ ...presentFields(post, context), shared }];
  });
}

/** One post for `viewer`, or the same 404 whether it is missing or hidden. */
export async function loadPost(db: Executor, viewer: Viewer, id: string): Promise<Post> {
  const [post] = await loadPosts(db, viewer, [id]);
  if (!post) throw new AppError("post_not_found");
  return post;
}

/**
 * Runs the batch loaders the page's posts need, once each (originals of shares included): a loader
 * runs only when a post's flags say it has something to find.
 */
async function loadPageContext(db: Executor, viewer: Viewer, posts: Readable[]): Promise<PageContext> {
  const having = (flag: (row: PresentedPostRow) => boolean) => posts.filter((post) => flag(post.row)).map((post) => post.row.id);
  const announcementInputs = posts
    .filter((post) => post.row.announcement)
    .map((post) => ({ id: post.row.id, communityId: post.row.community_id, mustRead: post.row.must_read, seeReaders: can(viewer, "seeReaders", post.facts) }));
  const [reactions, polls, attachments, previews, announcements, visiblePeople] = await Promise.all([
    myReactionsOn(db, viewer.id, "post", having((row) => row.reacted)),
    pollsFor(db, viewer, having((row) => row.has_poll)),
    attachmentsFor(db, { postIds: having((row) => row.has_attachments) }),
    previewsFor(db, having((row) => row.has_preview)),
    announcementInputs.length > 0 ? announcementsFor(db, viewer, announcementInputs) : new Map<string, Announcement>(),
    visiblePeopleAmong(db, viewer, unique(posts.flatMap((post) => mentionedIn(post.row.body_html)))),
  ]);
  return { viewer, reactions, polls, attachments, previews, announcements, visiblePeople };
}

function presentFields(post: Readable, context: PageContext): PostFields {
  const { row, community, facts } = post;
  const { viewer } = context;
  return {
    id: row.id,
    community: { id: community.id, name: community.name, kind: community.kind, visibility: community.visibility, external: community.has_guests },
    author: row.author ? presentSummary(row.author) : null,
    body: row.body,
    html: hideInvisibleMentions(row.body_html, context.visiblePeople),
    topics: row.topics,
    attachments: context.attachments.get(row.id) ?? [],
    linkPreview: context.previews.get(row.id) ?? null,
    poll: context.polls.get(row.id) ?? null,
    announcement: row.announcement ? (context.announcements.get(row.id) ?? announcementWithoutState(row)) : null,
    pinned: row.pinned_at !== null,
    commentCount: row.comment_count,
    reactionCounts: row.reaction_counts,
    myReactions: context.reactions.get(row.id) ?? [],
    bookmarked: row.bookmarked,
    following: row.following,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    can: {
      edit: can(viewer, "edit", facts),
      delete: can(viewer, "delete", facts),
      comment: can(viewer, "comment", facts),
      react: can(viewer, "react", facts),
      pin: can(viewer, "pin", facts),
      share: can(viewer, "read", facts),
      seeReaders: row.announcement && can(viewer, "seeReaders", facts),
    },
  };
}

/** An announcement the acknowledgement loader says nothing about: its flags, no reading state. */
function announcementWithoutState(row: PostRow): Announcement {
  return { mustRead: row.must_read, acknowledgedAt: null, readCount: null, audienceCount: null };
}
