import type { StreamClientMessage } from "@ruche/contracts";
import { mayReadCommunity, mayReadPost } from "./access.ts";
import { eventFrame, type StreamConnection } from "./connection.ts";
import { deliveredTypes, deliveriesOf } from "./deliveries.ts";
import type { StreamHub } from "./hub.ts";
import { eventExists, eventsAfter, eventsShortlyBefore, LATE_COMMIT_MS, loadPosts, type PostState, type UserState } from "./repository.ts";

/** How many topics one socket may hold. */
export const MAX_TOPICS = 50;
/** How many missed events a resume replays; beyond, the client is told to refetch. */
export const MAX_REPLAY = 500;

/**
 * The topics of the list `user` may subscribe to (the others are refused alike, known or not), and
 * the facts of the posts among them.
 */
async function allowedTopics(hub: StreamHub, user: UserState, topics: string[]): Promise<{ allowed: Set<string>; posts: Map<string, PostState> }> {
  const idOf = (prefix: string) => topics.filter((topic) => topic.startsWith(prefix)).map((topic) => topic.slice(prefix.length));
  const posts = await loadPosts(hub.options.db, idOf("post:"));
  await hub.ensureCommunities([...idOf("community:"), ...[...posts.values()].map((post) => post.communityId)]);
  const allowed = new Set<string>();
  for (const topic of topics) {
    const [kind, id = ""] = topic.split(":");
    const post = posts.get(id);
    const ok =
      kind === "home" || kind === "notifications"
        ? user.active
        : kind === "community"
          ? mayReadCommunity(user, id, hub.communities.get(id))
          : post !== undefined && !post.deleted && mayReadPost(user, post, hub.communities.get(post.communityId));
    if (ok) allowed.add(topic);
  }
  return { allowed, posts };
}

/**
 * Sends what the client missed on `topics` since `after`, or `reset` when that cannot be done.
 * When a socket of this process served the client, the replay also covers the margin before
 * `after`: the events there that reached subscribers only after that socket closed, i.e. those
 * committed late; and it skips what that socket sent already (seen out of id order). When
 * another process served it, that is unknown here, and the replay starts strictly after `after`.
 */
async function replay(hub: StreamHub, connection: StreamConnection, input: { topics: string[]; after: string }): Promise<void> {
  const { db } = hub.options;
  if (!(await eventExists(db, input.after))) return connection.send({ type: "reset", topics: input.topics });
  const lineage = hub.lineageOf(connection, input.after);
  const [shortlyBefore, missed] = await Promise.all([
    lineage ? eventsShortlyBefore(db, { before: input.after, marginMs: LATE_COMMIT_MS, types: deliveredTypes, limit: MAX_REPLAY }) : [],
    eventsAfter(db, { after: input.after, types: deliveredTypes, limit: MAX_REPLAY + 1 }),
  ]);
  if (missed.length > MAX_REPLAY) return connection.send({ type: "reset", topics: input.topics });
  if (lineage) connection.rememberSent(lineage.keys);
  const late = lineage ? shortlyBefore.filter((event) => hub.deliveredAfter(event.id, lineage.closedAt)) : [];
  const events = [...late, ...missed];
  const facts = await hub.prepare(events);
  const wanted = new Set(input.topics);
  for (const event of events) {
    for (const delivery of deliveriesOf(event, facts)) {
      const user = hub.stateOf(connection);
      if (!wanted.has(delivery.topic) || !user || !delivery.allowed(user)) continue;
      connection.deliver(eventFrame(delivery), { replay: true });
    }
  }
}

async function subscribe(hub: StreamHub, connection: StreamConnection, message: Extract<StreamClientMessage, { type: "subscribe" }>): Promise<void> {
  const user = hub.stateOf(connection);
  if (!user) return;
  const topics = [...new Set(message.topics)];
  const { allowed, posts } = await allowedTopics(hub, user, topics);
  for (const topic of topics) if (!allowed.has(topic)) connection.send({ type: "refused", topic, code: "topic_not_found" });
  const added = [...allowed];
  if (added.length === 0) return;
  if (new Set([...connection.topics, ...added]).size > MAX_TOPICS) {
    connection.send({ type: "error", code: "validation_failed", message: `topics: at most ${MAX_TOPICS} topics per connection` });
    return;
  }
  if (!message.after) {
    hub.addTopics(connection, added, posts);
    connection.send({ type: "subscribed", topics: added });
    return;
  }
  // Live events are held from here, so none falls between the replay's query and going live.
  connection.startReplay();
  hub.addTopics(connection, added, posts);
  try {
    await replay(hub, connection, { topics: added, after: message.after });
    connection.send({ type: "subscribed", topics: added });
  } finally {
    connection.endReplay();
  }
}

/** Handles one valid client message. */
export async function handleClientMessage(hub: StreamHub, connection: StreamConnection, message: StreamClientMessage): Promise<void> {
  if (message.type === "subscribe") return subscribe(hub, connection, message);
  hub.removeTopics(connection, message.topics);
}
