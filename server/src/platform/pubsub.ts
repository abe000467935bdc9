import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import type { ConnectionConfig } from "./db.ts";

/** Receives one message published on a channel. */
export type MessageHandler = (text: string) => void;

/**
 * Messages between Ruche processes, fire and forget: what is missed while a connection is down
 * is not replayed (the outbox is the durable record; realtime clients resume from it).
 */
export interface PubSub {
  publish(channel: string, text: string): Promise<void>;
  subscribe(channel: string, handler: MessageHandler): Promise<void>;
  /**
   * Calls `listener` each time a lost subscription is back, with the time (ms) it was lost:
   * messages published in between were missed.
   */
  onReconnect(listener: (lostAt: number) => void): void;
  close(): Promise<void>;
}

/** How long the listening connection waits before its next attempt to reconnect: 100 ms, doubling up to 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 5000);
}

function addHandler(handlers: Map<string, MessageHandler[]>, channel: string, handler: MessageHandler): boolean {
  const list = handlers.get(channel);
  if (list) {
    list.push(handler);
    return false;
  }
  handlers.set(channel, [handler]);
  return true;
}

/**
 * PostgreSQL LISTEN/NOTIFY: one dedicated client listens; publishing is `pg_notify` on the pool.
 * When the listening connection dies (a server restart, a failover, a terminated backend), it
 * reconnects with backoff and listens again, then tells `onReconnect` listeners to catch up.
 */
export class PostgresPubSub implements PubSub {
  /** The listening connection's `application_name`, to find it among the server's backends. */
  static readonly applicationName = "ruche_pubsub";
  private readonly handlers = new Map<string, MessageHandler[]>();
  private readonly reconnectListeners: ((lostAt: number) => void)[] = [];
  private connecting: Promise<pg.Client> | undefined;
  /** The connected listening client; a client that ends while it is not this one is ignored. */
  private current: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private lostAt = 0;
  private closed = false;

  constructor(
    private readonly connection: ConnectionConfig,
    private readonly pool: pg.Pool,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async publish(channel: string, text: string): Promise<void> {
    await this.pool.query("select pg_notify($1, $2)", [channel, text]);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    const client = await this.client();
    if (addHandler(this.handlers, channel, handler)) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
  }

  onReconnect(listener: (lostAt: number) => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = await this.connecting?.catch(() => undefined);
    this.connecting = undefined;
    await client?.end().catch(() => undefined);
  }

  private client(): Promise<pg.Client> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.connection, application_name: PostgresPubSub.applicationName });
    client.on("error", this.onError);
    client.on("notification", (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
    });
    // `end` follows an error on an established connection too: one place to start over.
    client.once("end", () => this.lost(client));
    try {
      await client.connect();
    } catch (error) {
      this.connecting = undefined;
      throw error;
    }
    this.current = client;
    return client;
  }

  private lost(client: pg.Client): void {
    if (client !== this.current || this.closed) return;
    this.lostAt = Date.now();
    this.current = undefined;
    this.connecting = undefined;
    this.reconnect(0);
  }

  private reconnect(attempt: number): void {
    this.retry = setTimeout(() => {
      void this.relisten().then(
        () => {
          for (const listener of this.reconnectListeners) listener(this.lostAt);
        },
        (error: unknown) => {
          this.onError(error);
          // A client that connected but could not listen is dropped: the next attempt starts afresh.
          const failed = this.current;
          this.current = undefined;
          this.connecting = undefined;
          void failed?.end().catch(() => undefined);
          if (!this.closed) this.reconnect(attempt + 1);
        },
      );
    }, reconnectDelayMs(attempt));
  }

  private async relisten(): Promise<void> {
    const client = await this.client();
    for (const channel of this.handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
  }
}

/**
 * Redis pub/sub, for several web nodes: a subscriber connection and a separate publisher one.
 * ioredis reconnects the subscriber with backoff and subscribes again; `onReconnect` listeners are
 * called once the channels are back.
 */
export class RedisPubSub implements PubSub {
  /** The subscriber's client name (`CLIENT LIST`), unique to this instance. */
  readonly subscriberName = `ruche_pubsub_${randomBytes(4).toString("hex")}`;
  private readonly handlers = new Map<string, MessageHandler[]>();
  private readonly reconnectListeners: ((lostAt: number) => void)[] = [];
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readyBefore = false;
  private lostAt: number | undefined;

  constructor(
    url: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    const retryStrategy = (times: number) => reconnectDelayMs(times - 1);
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, retryStrategy });
    this.subscriber = new Redis(url, { lazyConnect: true, retryStrategy, connectionName: this.subscriberName });
    this.publisher.on("error", onError);
    this.subscriber.on("error", onError);
    this.subscriber.on("message", (channel: string, text: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(text);
    });
    this.subscriber.on("close", () => (this.lostAt ??= Date.now()));
    this.subscriber.on("ready", () => {
      if (this.readyBefore) void this.resubscribed().catch(this.onError);
      this.readyBefore = true;
    });
  }

  async publish(channel: string, text: string): Promise<void> {
    await this.publisher.publish(channel, text);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    if (addHandler(this.handlers, channel, handler)) await this.subscriber.subscribe(channel);
  }

  onReconnect(listener: (lostAt: number) => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  /**
   * ioredis subscribes again on its own right after `ready`; subscribing once more (a no-op for
   * Redis) resolves only after those, so listeners catch up with the channels already live.
   */
  private async resubscribed(): Promise<void> {
    const channels = [...this.handlers.keys()];
    if (channels.length > 0) await this.subscriber.subscribe(...channels);
    const lostAt = this.lostAt ?? Date.now();
    this.lostAt = undefined;
    for (const listener of this.reconnectListeners) listener(lostAt);
  }
}

/** Redis when `redisUrl` is set, else PostgreSQL. */
export function createPubSub(input: { redisUrl: string | undefined; connection: ConnectionConfig; pool: pg.Pool; onError?: (error: unknown) => void }): PubSub {
  return input.redisUrl ? new RedisPubSub(input.redisUrl, input.onError) : new PostgresPubSub(input.connection, input.pool, input.onError);
}
