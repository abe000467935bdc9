import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { Cursor } from "../../platform/pagination.ts";
import type { Viewer } from "../people/policy.ts";
import { readablePosts } from "../posts/policy.ts";
import { followedBy, knownTopics } from "./policy.ts";

export interface TopicRow {
  id: string;
  slug: string;
  name: string;
  following: boolean;
}

function selectKnownTopics(db: Executor, viewer: Viewer) {
  return db
    .selectFrom("topics")
    .select(["topics.id", "topics.slug", "topics.name", (eb) => eb.exists(followedBy(eb, viewer)).$castTo<boolean>().as("following")])
    .where(knownTopics(viewer));
}

/** The topic a slug names (folded the way topics are, so `#Déconnexion` finds `deconnexion`), if the viewer may know of it. */
export async function findKnownTopic(db: Executor, viewer: Viewer, slug: string): Promise<TopicRow | undefined> {
  return selectKnownTopics(db, viewer).where("topics.slug", "=", sql<string>`ruche_fold(${slug})`).executeTakeFirst();
}

/** A page of the topics the viewer may know of, in slug order: by prefix (accents and case aside), or only followed ones. */
export async function listKnownTopics(
  db: Executor,
  input: { viewer: Viewer; prefix?: string | undefined; following: boolean; after?: Cursor | undefined; limit: number },
): Promise<TopicRow[]> {
  let query = selectKnownTopics(db, input.viewer);
  if (input.prefix) {
    const escaped = input.prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<boolean>`topics.slug like ruche_fold(${escaped}) || '%'`);
  }
  if (input.following) query = query.where((eb) => eb.exists(followedBy(eb, input.viewer)));
  if (input.after) query = query.where(sql<boolean>`(topics.slug, topics.id) > (${input.after.key}, ${input.after.id}::uuid)`);
  return query.orderBy("topics.slug").orderBy("topics.id").limit(input.limit + 1).execute();
}

/** How many live posts with the topic the viewer may read. */
export async function countReadablePosts(db: Executor, viewer: Viewer, topicId: string): Promise<number> {
  const row = await db
    .selectFrom("post_topics")
    .innerJoin("posts", "posts.id", "post_topics.post_id")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("post_topics.topic_id", "=", topicId)
    .where(readablePosts(viewer))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Follows or unfollows a topic; true when that changed something. */
export async function setTopicFollow(db: Executor, input: { userId: string; topicId: string; following: boolean }): Promise<boolean> {
  if (input.following) {
    const inserted = await db
      .insertInto("topic_follows")
      .values({ user_id: input.userId, topic_id: input.topicId })
      .onConflict((conflict) => conflict.columns(["user_id", "topic_id"]).doNothing())
      .returning("topic_id")
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const deleted = await db.deleteFrom("topic_follows").where("user_id", "=", input.userId).where("topic_id", "=", input.topicId).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}
