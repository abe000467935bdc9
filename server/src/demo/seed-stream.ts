import type { Tx } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { appendEvent } from "../platform/outbox.ts";
import { requireContribution } from "../modules/comments/targets.ts";
import { replaceCommentMentions } from "../modules/comments/repository.ts";
import { postAccessOrThrow, readableCommunityOrThrow, requirePosting } from "../modules/posts/access.ts";
import { renderBody } from "../modules/posts/body.ts";
import { can } from "../modules/posts/policy.ts";
import { insertPoll, insertPost, replaceMentions, replaceTopics } from "../modules/posts/repository.ts";
import { bodyEventPayload } from "../modules/posts/service.ts";
import { COMPANY_POSTS } from "./posts-company.ts";
import { INTEREST_POSTS } from "./posts-interests.ts";
import { PROJECT_POSTS } from "./posts-projects.ts";
import { WORK_POSTS } from "./posts-work.ts";
import { followPost, insertAcknowledgement, insertComment, insertVote, pollOptionIds, recountStream } from "./repository.ts";
import { react } from "./seed-reactions.ts";
import type { CommentPlan, PostPlan } from "./script.ts";
import type { CommunityIndex, SeededCommunity } from "./seed-communities.ts";
import type { Cast } from "./seed-people.ts";
import { draw, type Timeline } from "./timeline.ts";

/** How much the stream holds once written. */
export interface StreamCounts {
  posts: number;
  comments: number;
  reactions: number;
}

interface Context {
  tx: Tx;
  timeline: Timeline;
  cast: Cast;
  counts: StreamCounts;
}

/** A post as its comments, reactions and votes need it. */
interface WrittenPost {
  id: string;
  label: string;
  authorKey: string;
  at: Date;
  community: SeededCommunity;
}

const MENTION = /\{@([a-z.]+)\}/g;

/** The script's `{@key}` as the composer writes a mention: `[@Name](mention:<id>)`. */
function withMentions(body: string, cast: Cast): string {
  return body.replace(MENTION, (_match, key: string) => {
    const person = cast.person(key);
    return `[@${person.displayName}](mention:${person.id})`;
  });
}

/**
 * Writes one post as `createPost` would, dated from the script: the author must be allowed to
 * post there (and to announce, for an announcement) by the same checks, and the body goes
 * through the same renderer, so its mentions and topics are real.
 */
async function writePost(context: Context, input: { plan: PostPlan; community: SeededCommunity; at: Date }): Promise<WrittenPost> {
  const { tx, cast } = context;
  const { plan, community, at } = input;
  const author = cast.person(plan.author);
  const access = await readableCommunityOrThrow(tx, author, community.id);
  requirePosting(author, access.facts);
  if (plan.announcement && !can(author, "announce", { community: access.facts, authorId: author.id, deleted: false })) throw new AppError("announcement_not_allowed");
  const body = withMentions(plan.body, cast);
  const rendered = await renderBody(tx, { author, community: { id: community.id, facts: access.facts }, source: body, field: "body" });
  const id = newId();
  await insertPost(tx, {
    id,
    community_id: community.id,
    author_id: author.id,
    body,
    body_html: rendered.html,
    announcement: plan.announcement !== undefined,
    must_read: plan.announcement?.mustRead ?? false,
    created_at: at,
  });
  await replaceMentions(tx, id, rendered.mentionedReaders);
  await replaceTopics(tx, { id, communityId: community.id, createdAt: at }, rendered.topics);
  await followPost(tx, { postId: id, userId: author.id, since: at });
  const payload = { ...bodyEventPayload(community.id, rendered, rendered.mentionedReaders), sharedPostId: null };
  await appendEvent(tx, { type: "post.created", actorId: author.id, subjectId: id, payload });
  context.counts.posts += 1;
  return { id, label: `${plan.community}:${plan.daysAgo}:${plan.time}`, authorKey: plan.author, at, community };
}

/** A comment (or a reply, under `parentId`) through the same checks and renderer as `createComment`. */
async function writeComment(context: Context, input: { post: WrittenPost; plan: CommentPlan; parentId: string | null; at: Date }): Promise<void> {
  const { tx, cast, timeline } = context;
  const { post, plan, parentId, at } = input;
  const author = cast.person(plan.author);
  const access = await postAccessOrThrow(tx, author, post.id);
  requireContribution(author, access, "comment");
  const body = withMentions(plan.body, cast);
  const rendered = await renderBody(tx, { author, community: { id: access.row.community_id, facts: access.community.facts }, source: body, field: "body" });
  const id = newId();
  await insertComment(tx, { id, postId: post.id, parentId, authorId: author.id, body, html: rendered.html, createdAt: at });
  const mentionedIds = await replaceCommentMentions(tx, id, rendered.mentionedReaders);
  await followPost(tx, { postId: post.id, userId: author.id, since: at });
  await appendEvent(tx, { type: "comment.created", actorId: author.id, subjectId: id, payload: { postId: post.id, parentId, mentionedIds } });
  context.counts.comments += 1;
  if (plan.reactions) {
    const label = `${post.label}:${plan.author}:${plan.minutesAfter}`;
    context.counts.reactions += await react(context, { target: "comment", id, postId: post.id, label, authorKey: plan.author, since: at, plan: plan.reactions, contributors: post.community.contributors });
  }
  for (const reply of plan.replies ?? []) {
    await writeComment(context, { post, plan: reply, parentId: id, at: timeline.after(at, reply.minutesAfter) });
  }
}

/** The poll's votes, drawn among those who may vote, each option getting the script's count. */
async function writePoll(context: Context, post: WrittenPost, poll: NonNullable<PostPlan["poll"]>): Promise<void> {
  const { tx, timeline } = context;
  const closesAt = poll.closesInDays === undefined ? null : new Date(timeline.now.getTime() + poll.closesInDays * 24 * 3600 * 1000).toISOString();
  await insertPoll(tx, post.id, { options: poll.options.map((option) => option.label), multiple: poll.multiple ?? false, closesAt, resultsVisible: "after_vote" });
  const optionIds = await pollOptionIds(tx, post.id);
  const ballots = poll.options.flatMap((option, index) => Array.from({ length: option.votes }, () => optionIds[index] ?? ""));
  const voters = draw(`${post.label}:poll`, post.community.contributors, ballots.length);
  for (const [index, optionId] of ballots.entries()) {
    const voter = context.cast.person(voters[index] ?? "");
    await insertVote(tx, { postId: post.id, optionId, userId: voter.id, createdAt: timeline.after(post.at, 15 + index * 29) });
    await appendEvent(tx, { type: "poll.voted", actorId: voter.id, subjectId: post.id, payload: { optionIds: [optionId], changed: false } });
  }
}

/** Acknowledgements of an announcement by the script's number of its audience (its author aside). */
async function acknowledge(context: Context, post: WrittenPost, count: number): Promise<void> {
  const audience = post.community.contributors.filter((key) => key !== post.authorKey);
  const readers = draw(`${post.label}:acks`, audience, count);
  for (const [index, key] of readers.entries()) {
    const reader = context.cast.person(key);
    await insertAcknowledgement(context.tx, { postId: post.id, userId: reader.id, at: context.timeline.after(post.at, 10 + index * 37) });
    await appendEvent(context.tx, { type: "announcement.acknowledged", actorId: reader.id, subjectId: post.id });
  }
}

/** Every post of the script, oldest first. */
function scriptedPosts(timeline: Timeline): { plan: PostPlan; at: Date }[] {
  return [...COMPANY_POSTS, ...INTEREST_POSTS, ...WORK_POSTS, ...PROJECT_POSTS]
    .map((plan) => ({ plan, at: timeline.at(plan.daysAgo, plan.time) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Writes the stream in the order it happened, then sets the counts kept on posts, comments and
 * poll options from the rows themselves.
 */
export async function seedStream(tx: Tx, input: { timeline: Timeline; cast: Cast; communities: CommunityIndex }): Promise<StreamCounts> {
  const context: Context = { tx, timeline: input.timeline, cast: input.cast, counts: { posts: 0, comments: 0, reactions: 0 } };
  const postIds: string[] = [];
  for (const { plan, at } of scriptedPosts(input.timeline)) {
    const community = input.communities.get(plan.community);
    if (!community) throw new Error(`The demo script posts in a community it does not have: ${plan.community}`);
    const post = await writePost(context, { plan, community, at });
    postIds.push(post.id);
    if (plan.poll) await writePoll(context, post, plan.poll);
    if (plan.announcement) await acknowledge(context, post, plan.announcement.acknowledgedBy);
    if (plan.reactions) {
      const reaction = { target: "post" as const, id: post.id, postId: post.id, label: post.label, authorKey: plan.author, since: at, plan: plan.reactions };
      context.counts.reactions += await react(context, { ...reaction, contributors: community.contributors });
    }
    for (const comment of plan.comments ?? []) {
      await writeComment(context, { post, plan: comment, parentId: null, at: input.timeline.after(at, comment.minutesAfter) });
    }
  }
  await recountStream(tx, postIds);
  return context.counts;
}
