import type { Poll } from "@ruche/contracts";
import { sql } from "kysely";
import type { Executor, Tx } from "../../platform/db.ts";
import type { Viewer } from "../people/policy.ts";
import { presentPoll } from "./present.ts";

/** Closed once its closing time has passed, by the database's clock (the one votes are checked by). */
const isClosed = sql<boolean>`coalesce(polls.closes_at <= now(), false)`;

/** The polls of `postIds` as `viewer` sees them (results hidden until allowed), in two queries. */
export async function pollsFor(db: Executor, viewer: Viewer, postIds: string[]): Promise<Map<string, Poll>> {
  const polls = new Map<string, Poll>();
  if (postIds.length === 0) return polls;
  const pollRows = await db
    .selectFrom("polls")
    .innerJoin("posts", "posts.id", "polls.post_id")
    .select([
      "polls.post_id",
      "polls.multiple",
      "polls.closes_at",
      "polls.results_visible",
      isClosed.as("closed"),
      "posts.author_id",
      sql<number>`(select count(distinct vote.user_id) from poll_votes vote where vote.post_id = polls.post_id)::int`.as("total_voters"),
      sql<boolean>`exists (select 1 from poll_votes vote where vote.post_id = polls.post_id and vote.user_id = ${viewer.id})`.as("voted"),
    ])
    .where("polls.post_id", "in", postIds)
    .execute();
  if (pollRows.length === 0) return polls;
  const optionRows = await db
    .selectFrom("poll_options")
    .select([
      "poll_options.id",
      "poll_options.post_id",
      "poll_options.label",
      "poll_options.vote_count",
      sql<boolean>`exists (select 1 from poll_votes vote where vote.option_id = poll_options.id and vote.user_id = ${viewer.id})`.as("chosen"),
    ])
    .where("poll_options.post_id", "in", pollRows.map((poll) => poll.post_id))
    .orderBy("poll_options.post_id")
    .orderBy("poll_options.position")
    .execute();
  for (const poll of pollRows) {
    polls.set(poll.post_id, presentPoll(viewer, poll, optionRows.filter((option) => option.post_id === poll.post_id)));
  }
  return polls;
}

/** A post's poll, locked until the transaction ends: one person's votes on it change one at a time. */
export async function lockPoll(tx: Tx, postId: string): Promise<{ multiple: boolean; closed: boolean } | undefined> {
  return tx.selectFrom("polls").select(["polls.multiple", isClosed.as("closed")]).where("polls.post_id", "=", postId).forNoKeyUpdate().executeTakeFirst();
}

export async function pollOptionIds(db: Executor, postId: string): Promise<string[]> {
  const rows = await db.selectFrom("poll_options").select("id").where("post_id", "=", postId).execute();
  return rows.map((row) => row.id);
}

/** The options one person chose in a poll. */
export async function chosenOptionIds(db: Executor, postId: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("poll_votes").select("option_id").where("post_id", "=", postId).where("user_id", "=", userId).execute();
  return rows.map((row) => row.option_id);
}

/** Removes one person's votes from a poll, each option's count going down with it. */
export async function removeVotes(tx: Tx, postId: string, userId: string): Promise<void> {
  const removed = await tx.deleteFrom("poll_votes").where("post_id", "=", postId).where("user_id", "=", userId).returning("option_id").execute();
  if (removed.length === 0) return;
  await tx
    .updateTable("poll_options")
    .set({ vote_count: sql<number>`greatest(vote_count - 1, 0)` })
    .where("id", "in", removed.map((row) => row.option_id))
    .execute();
}

/** Records one person's votes, each option's count going up with it. */
export async function addVotes(tx: Tx, vote: { postId: string; userId: string; optionIds: string[] }): Promise<void> {
  await tx
    .insertInto("poll_votes")
    .values(vote.optionIds.map((optionId) => ({ option_id: optionId, post_id: vote.postId, user_id: vote.userId })))
    .execute();
  await tx
    .updateTable("poll_options")
    .set({ vote_count: sql<number>`vote_count + 1` })
    .where("id", "in", vote.optionIds)
    .execute();
}
