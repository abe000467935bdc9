import type { Db } from "../../platform/db.ts";
import type { PubSub } from "../../platform/pubsub.ts";
import type { EventRow } from "../../platform/schema.ts";
import { unreadCounts } from "../notifications/unread.ts";
import { mayReadCommunity, mayReadPost } from "./access.ts";
import { CLOSE_SIGNED_OUT, eventFrame, type EventFrame, type StreamConnection } from "./connection.ts";
import { endedCredentials } from "./credentials.ts";
import { deliveriesOf, memberOf, postIdOf, streamTypes, type EventFacts } from "./deliveries.ts";
import { RecentIds } from "./recent-ids.ts";
import { SentLog, type Lineage } from "./sent-log.ts";
import { eventsAfter, idAtTime, LATE_COMMIT_MS, loadCommunities, loadEvents, loadPosts, loadUsers, type CommunityState, type PostState, type UserState } from "./repository.ts";

const membershipTypes = new Set(["member.joined", "member.left", "member.removed", "member.role_changed", "community_invitation.accepted", "request.approved"]);
const followTypes = new Set(["person.followed", "person.unfollowed", "topic.followed", "topic.unfollowed"]);
/** Events read at a time when catching up after pub/sub was down. */
const CATCH_UP_BATCH = 1000;

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
  /** The posts someone here subscribed to, by topic: losing access to their community refuses them too. */
  private readonly subscribedPosts = new Map<string, PostState>();
  private readonly recent = new RecentIds(10_000);
  private readonly sentLog = new SentLog({ records: 500, keysPerRecord: 500 });
  /** When each recent event was delivered here (a position that grows by one an event), for resumes. */
  private readonly deliveredAt = new Map<string, number>();
  private position = 0;
  private pending = new Set<string>();
  private flushing: Promise<void> | undefined;
  private started: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];

  constructor(readonly options: HubOptions) {}

  /** Starts listening (once, at the first connection). */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.options.pubsub.subscribe(this.options.channel, (id) => this.receive(id));
      this.options.pubsub.onReconnect((lostAt) => void this.catchUp(lostAt).catch(this.reportError));
      this.timers.push(setInterval(() => this.heartbeat(), this.options.heartbeatMs ?? 25_000));
      this.timers.push(setInterval(() => void this.checkCredentials().catch(this.reportError), this.options.sessionCheckMs ?? 5_000));
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
    this.removeTopics(connection, [...connection.topics]);
    this.sentLog.keep(connection.auth.userId, { keys: connection.sentKeys(), closedAt: this.position });
    const entry = this.users.get(connection.auth.userId);
    entry?.connections.delete(connection);
    if (entry && entry.connections.size === 0) this.users.delete(connection.auth.userId);
  }

  /**
   * The socket of this process (closed, or still open) that last served a client resuming on
   * `connection` from `eventId`; undefined when another process served it.
   */
  lineageOf(connection: StreamConnection, eventId: string): Lineage | undefined {
    const others = [...(this.users.get(connection.auth.userId)?.connections ?? [])].filter((other) => other !== connection);
    return this.sentLog.lineageOf(
      connection.auth.userId,
      eventId,
      others.map((other) => ({ keys: other.sentKeys(), closedAt: this.position })),
    );
  }

  /** Whether the event reached this hub's subscribers after `position` (or has not yet): a socket closed then missed it. */
  deliveredAfter(eventId: string, position: number): boolean {
    return (this.deliveredAt.get(eventId) ?? Number.POSITIVE_INFINITY) > position;
  }

  stateOf(connection: StreamConnection): UserState | undefined {
    return this.users.get(connection.auth.userId)?.state;
  }

  /** Subscribes the connection; `posts` holds the facts of its `post:<id>` topics, kept while subscribed. */
  addTopics(connection: StreamConnection, topics: string[], posts: Map<string, PostState> = new Map()): void {
    for (const topic of topics) {
      connection.topics.add(topic);
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(connection);
      const post = topic.startsWith("post:") ? posts.get(topic.slice("post:".length)) : undefined;
      if (post) this.subscribedPosts.set(topic, post);
    }
  }

  removeTopics(connection: StreamConnection, topics: Iterable<string>): void {
    for (const topic of topics) {
      connection.topics.delete(topic);
      const set = this.byTopic.get(topic);
      set?.delete(connection);
      if (set?.size !== 0) continue;
      this.byTopic.delete(topic);
      this.subscribedPosts.delete(topic);
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

  /**
   * Pub/sub was down from `lostAt`: reads the events committed since (and a late-commit margin
   * before) as if they had been notified; those already received are dropped as duplicates.
   */
  private async catchUp(lostAt: number): Promise<void> {
    let after = idAtTime(lostAt - LATE_COMMIT_MS);
    for (;;) {
      const events = await eventsAfter(this.options.db, { after, types: streamTypes, limit: CATCH_UP_BATCH });
      for (const event of events) this.receive(event.id);
      const last = events.at(-1);
      if (!last || events.length < CATCH_UP_BATCH) return;
      after = last.id;
    }
  }

  private readonly reportError = (error: unknown): void => this.options.onError?.(error);

  private async flush(): Promise<void> {
    while (this.pending.size > 0) {
      const ids = [...this.pending];
      this.pending = new Set();
      const events = (await loadEvents(this.options.db, ids)).filter((event) => streamTypes.includes(event.type) && this.recent.add(event.id));
      if (events.length === 0) continue;
      if (this.users.size > 0) await this.process(events);
      else for (const event of events) this.markDelivered(event.id);
    }
  }

  private async process(events: EventRow[]): Promise<void> {
    const facts = await this.prepare(events);
    for (const event of events) {
      await this.applyState(event);
      // From here to the end of the loop nothing awaits: the sockets open now are those served.
      this.markDelivered(event.id);
      for (const delivery of deliveriesOf(event, facts)) {
        // Encoded once for every socket of the topic, on the first that may have it.
        let frame: EventFrame | undefined;
        for (const connection of this.byTopic.get(delivery.topic) ?? []) {
          const user = this.stateOf(connection);
          if (!user || !delivery.allowed(user)) continue;
          frame ??= eventFrame(delivery);
          connection.deliver(frame);
        }
      }
    }
  }

  private markDelivered(eventId: string): void {
    this.position += 1;
    this.deliveredAt.set(eventId, this.position);
    // Resumes look back a few seconds only: the oldest positions go first (a Map keeps insertion order).
    if (this.deliveredAt.size > 10_000) {
      const oldest = this.deliveredAt.keys().next().value;
      if (oldest !== undefined) this.deliveredAt.delete(oldest);
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

  /**
   * Refuses `community:<id>`, and `post:<id>` of its posts, to the subscribers (all, or one
   * person's) who may no longer read them.
   */
  private refuseUnreadable(communityId: string, onlyUserId?: string): void {
    const community = this.communities.get(communityId);
    const posts = [...this.subscribedPosts].filter(([, post]) => post.communityId === communityId);
    const checks: [string, (user: UserState) => boolean][] = [
      [`community:${communityId}`, (user) => mayReadCommunity(user, communityId, community)],
      ...posts.map(([topic, post]): [string, (user: UserState) => boolean] => [topic, (user) => mayReadPost(user, post, community)]),
    ];
    for (const [topic, mayRead] of checks) {
      for (const connection of [...(this.byTopic.get(topic) ?? [])]) {
        if (onlyUserId && connection.auth.userId !== onlyUserId) continue;
        const user = this.stateOf(connection);
        if (user && mayRead(user)) continue;
        this.removeTopics(connection, [topic]);
        connection.send({ type: "refused", topic, code: "topic_not_found" });
      }
    }
  }

  private closeWhere(matches: (connection: StreamConnection) => boolean, reason: string): void {
    for (const { connections } of this.users.values()) {
      for (const connection of connections) if (matches(connection)) connection.close(CLOSE_SIGNED_OUT, reason);
    }
  }

  /** Closes the sockets whose session or token ended since they connected (see `endedCredentials`). */
  private async checkCredentials(): Promise<void> {
    const connections = [...this.users.values()].flatMap(({ connections }) => [...connections]);
    const ended = await endedCredentials(this.options.db, connections);
    this.closeWhere(ended, "signed out");
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
