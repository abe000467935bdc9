import type { ListTopicsQuery, Topic, TopicsPage } from "@ruche/contracts";
import type { Db, Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import type { Viewer } from "../people/policy.ts";
import { countReadablePosts, findKnownTopic, listKnownTopics, setTopicFollow, type TopicRow } from "./repository.ts";

function presentTopic(row: TopicRow): Topic {
  return { id: row.id, slug: row.slug, name: row.name, following: row.following };
}

/** The topic a slug names, or the same 404 whether it does not exist or is used only where the viewer may not read. */
export async function knownTopicOrThrow(db: Executor, viewer: Viewer, slug: string): Promise<TopicRow> {
  const row = await findKnownTopic(db, viewer, slug);
  if (!row) throw new AppError("topic_not_found");
  return row;
}

/** Topics for autocomplete (a prefix, with or without its `#`) or the viewer's followed ones. */
export async function listTopics(db: Executor, viewer: Viewer, query: ListTopicsQuery): Promise<TopicsPage> {
  const limit = query.limit ?? 20;
  const rows = await listKnownTopics(db, {
    viewer,
    prefix: query.q?.trim().replace(/^#/, ""),
    following: query.following === true,
    after: query.cursor ? decodeCursor(query.cursor, "text") : undefined,
    limit,
  });
  const page = pageOf(rows, limit, (row) => [row.slug, row.id]);
  return { items: page.items.map(presentTopic), nextCursor: page.nextCursor };
}

/** A topic's page header: whether the viewer follows it, and how many posts they may read with it. */
export async function getTopic(db: Executor, viewer: Viewer, slug: string): Promise<Topic> {
  const row = await knownTopicOrThrow(db, viewer, slug);
  return { ...presentTopic(row), postCount: await countReadablePosts(db, viewer, row.id) };
}

/** Follows or unfollows a topic (its posts then reach the home feed, wherever the viewer may read them). */
export async function followTopic(db: Db, viewer: Viewer, input: { slug: string; following: boolean }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const topic = await knownTopicOrThrow(tx, viewer, input.slug);
    const changed = await setTopicFollow(tx, { userId: viewer.id, topicId: topic.id, following: input.following });
    if (!changed) return;
    await appendEvent(tx, { type: input.following ? "topic.followed" : "topic.unfollowed", actorId: viewer.id, subjectId: topic.id, payload: { slug: topic.slug } });
  });
}
