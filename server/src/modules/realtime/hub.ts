import type { Db } from "../../platform/db.ts";
import type { PubSub } from "../../platform/pubsub.ts";
import type { EventRow } from "../../platform/schema.ts";
import { unreadCounts } from "../notifications/unread.ts";
import { mayReadCommunity } from "./access.ts";
import { CLOSE_SIGNED_OUT, type StreamConnection } from "./connection.ts";
import { deliveriesOf, memberOf, postIdOf, streamTypes, type EventFacts } from "./deliveries.ts";
import { RecentIds } from "./recent-ids.ts";
import { liveSessions, loadCommunities, loadEvents, loadPosts, loadUsers, type CommunityState, type UserState } from "./repository.ts";

const membershipTypes = new Set(["member.joined", "member.left", "member.removed", "member.role_changed", "community_invitation.accepted", "request.approved"]);
const followTypes = new Set(["person.followed", "person.unfollowed", "topic.followed", "topic.unfollowed"]);

export interface HubOptions {
  db: Db;
  pubsub: PubSub;
  /** The channel event ids arrive on (`ruche_outbox` with PostgreSQL, a prefixed one with Redis). */
  channel: string;
  onError?: (error: unknown) => void;
  heartbeatMs?: number;
  sessionCheckMs?: number;
}

/**
 * The realtime hub of one web process: receives event ids from pub/sub, loads the events (batched,
 * in id order), updates what it knows of connected people and communities, then sends each
 * subscriber the messages the policies let them see.
 */
export class StreamHub {
  readonly users = new Map<string, { state: UserState; connections: Set<StreamConnection> }>();
  readonly byTopic = new Map<string, Set<StreamConnection>>();
  readonly communities = new Map<string, CommunityState>();
  private readonly recent = new RecentIds(10_000);
  private pending = new Set<string>();
  private flushing: Promise<void> | undefined;
  private started: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];

  constructor(readonly options: HubOptions) {}

  /** Starts listening (once, at the first connection). */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.options.pubsub.subscribe(this.options.channel, (id) => this.receive(id));
      this.timers.push(setInterval(() => this.heartbeat(), this.options.heartbeatMs ?? 25_000));
      this.timers.push(setInterval(() => void this.checkSessions().catch(this.reportError), this.options.sessionCheckMs ?? 5_000));
    })();
    return this.started;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.flushing;
    await this.options.pubsub.close();
  }

  /** Adds a socket, loading its person's state when they have no other socket here. */
  async register(connection: StreamConnection): Promise<void> {
    await this.start();
    const { userId } = connection.auth;
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    let entry = this.users.get(userId);
    if (!entry) {
      const state = (await loadUsers(this.options.db, [userId])).get(userId);
      if (!state) throw new Error("user not found");
      entry = this.users.get(userId) ?? { state, connections: new Set() };
      this.users.set(userId, entry);
    }
    // The socket may have closed while the state loaded: then `unregister` already ran.
    if (connection.socket.readyState === connection.socket.OPEN) entry.connections.add(connection);
    else if (entry.connections.size === 0) this.users.delete(userId);
  }

  unregister(connection: StreamConnection): void {
    for (const topic of connection.topics) this.byTopic.get(topic)?.delete(connection);
    const entry = this.users.get(connection.auth.userId);
    entry?.connections.delete(connection);
    if (entry && entry.connections.size === 0) this.users.delete(connection.auth.userId);
  }

  stateOf(connection: StreamConnection): UserState | undefined {
    return this.users.get(connection.auth.userId)?.state;
  }

  addTopics(connection: StreamConnection, topics: string[]): void {
    for (const topic of topics) {
      connection.topics.add(topic);
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(connection);
    }
  }

  removeTopics(connection: StreamConnection, topics: string[]): void {
    for (const topic of topics) {
      connection.topics.delete(topic);
      this.byTopic.get(topic)?.delete(connection);
    }
  }

  /** Loads the facts of communities not known yet. */
  async ensureCommunities(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.communities.has(id));
    for (const [id, state] of await loadCommunities(this.options.db, missing)) this.communities.set(id, state);
  }

  /** Loads what the deliveries of these events need. */
  async prepare(events: EventRow[]): Promise<EventFacts> {
    const postIds = events.map(postIdOf).filter((id): id is string => id !== undefined);
    const posts = await loadPosts(this.options.db, [...new Set(postIds)]);
    await this.ensureCommunities([...posts.values()].map((post) => post.communityId));
    const recipients = events
      .filter((event) => event.type === "notifications.changed" && Array.isArray(event.payload.userIds))
      .flatMap((event) => event.payload.userIds as unknown[])
      .filter((id): id is string => typeof id === "string" && this.users.has(id));
    const counts = recipients.length > 0 ? await unreadCounts(this.options.db, [...new Set(recipients)]) : new Map<string, number>();
    return { posts, communities: this.communities, unreadCounts: counts };
  }

  /** An event id from pub/sub; duplicates (a retried dispatch) are dropped. */
  receive(id: string): void {
    if (!/^[0-9a-f-]{36}$/.test(id) || this.recent.has(id)) return;
    this.pending.add(id);
    this.flushing ??= this.flush()
      .catch(this.reportError)
      .finally(() => (this.flushing = undefined));
  }

  private readonly reportError = (error: unknown): void => this.options.onError?.(error);

  private async flush(): Promise<void> {
    while (this.pending.size > 0) {
      const ids = [...this.pending];
      this.pending = new Set();
      const events = (await loadEvents(this.options.db, ids)).filter((event) => streamTypes.includes(event.type) && this.recent.add(event.id));
      if (events.length > 0 && this.users.size > 0) await this.process(events);
    }
  }

  private async process(events: EventRow[]): Promise<void> {
    const facts = await this.prepare(events);
    for (const event of events) {
      await this.applyState(event);
      for (const delivery of deliveriesOf(event, facts)) {
        for (const connection of this.byTopic.get(delivery.topic) ?? []) {
          const user = this.stateOf(connection);
          if (!user || !delivery.allowed(user)) continue;
          connection.deliver({ type: "event", id: delivery.id, topic: delivery.topic, name: delivery.name, data: delivery.data });
        }
      }
    }
  }

  /** Updates what the hub knows before later events are delivered; refuses or closes what is no longer allowed. */
  private async applyState(event: EventRow): Promise<void> {
    const subject = event.subject_id;
    if (membershipTypes.has(event.type)) {
      const userId = memberOf(event);
      if (userId && this.users.has(userId)) await this.refreshUsers([userId]);
      if (subject) this.refuseUnreadable(subject, userId);
    } else if (event.type.startsWith("community.") && subject) {
      const state = (await loadCommunities(this.options.db, [subject])).get(subject);
      if (state) this.communities.set(subject, state);
      this.refuseUnreadable(subject);
    } else if (event.type === "user.deactivated" && subject) {
      for (const connection of this.users.get(subject)?.connections ?? []) connection.close(CLOSE_SIGNED_OUT, "deactivated");
    } else if (event.type === "access_token.revoked" && subject) {
      this.closeWhere((connection) => connection.auth.tokenId === subject, "token revoked");
    } else if ((event.type === "user.role_changed" || event.type === "user.reactivated") && subject && this.users.has(subject)) {
      await this.refreshUsers([subject]);
    } else if (followTypes.has(event.type) && event.actor_id && this.users.has(event.actor_id)) {
      await this.refreshUsers([event.actor_id]);
    }
  }

  private async refreshUsers(ids: string[]): Promise<void> {
    const states = await loadUsers(this.options.db, ids);
    for (const id of ids) {
      const entry = this.users.get(id);
      const state = states.get(id);
      if (entry && state) entry.state = state;
    }
  }

  /** Refuses `community:<id>` to the subscribers (all, or one person's) who may no longer read it. */
  private refuseUnreadable(communityId: string, onlyUserId?: string): void {
    const topic = `community:${communityId}`;
    for (const connection of [...(this.byTopic.get(topic) ?? [])]) {
      if (onlyUserId && connection.auth.userId !== onlyUserId) continue;
      const user = this.stateOf(connection);
      if (user && mayReadCommunity(user, communityId, this.communities.get(communityId))) continue;
      this.removeTopics(connection, [topic]);
      connection.send({ type: "refused", topic, code: "topic_not_found" });
    }
  }

  private closeWhere(matches: (connection: StreamConnection) => boolean, reason: string): void {
    for (const { connections } of this.users.values()) {
      for (const connection of connections) if (matches(connection)) connection.close(CLOSE_SIGNED_OUT, reason);
    }
  }

  /** Closes the sockets of sessions signed out or expired since they connected. */
  private async checkSessions(): Promise<void> {
    const hashes = [...this.users.values()].flatMap(({ connections }) => [...connections].map((connection) => connection.auth.sessionHash ?? ""));
    const known = hashes.filter((hash) => hash !== "");
    if (known.length === 0) return;
    const asked = new Set(known);
    const live = await liveSessions(this.options.db, [...asked]);
    // Only sessions the query asked about: a socket that connected while it ran is not signed out.
    this.closeWhere((connection) => connection.auth.sessionHash !== undefined && asked.has(connection.auth.sessionHash) && !live.has(connection.auth.sessionHash), "signed out");
  }

  private heartbeat(): void {
    for (const { connections } of this.users.values()) {
      for (const connection of connections) {
        if (!connection.alive) {
          connection.socket.terminate();
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }
}
