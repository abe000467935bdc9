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
  close(): Promise<void>;
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

/** PostgreSQL LISTEN/NOTIFY: one dedicated client listens; publishing is `pg_notify` on the pool. */
export class PostgresPubSub implements PubSub {
  private readonly handlers = new Map<string, MessageHandler[]>();
  private connecting: Promise<pg.Client> | undefined;

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

  async close(): Promise<void> {
    const client = await this.connecting?.catch(() => undefined);
    this.connecting = undefined;
    await client?.end().catch(() => undefined);
  }

  private client(): Promise<pg.Client> {
    this.connecting ??= (async () => {
      const client = new pg.Client(this.connection);
      client.on("error", this.onError);
      client.on("notification", (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
      });
      await client.connect();
      return client;
    })();
    return this.connecting;
  }
}

/** Redis pub/sub, for several web nodes: a subscriber connection and a separate publisher one. */
export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, MessageHandler[]>();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(url: string, onError: (error: unknown) => void = () => undefined) {
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: true });
    this.publisher.on("error", onError);
    this.subscriber.on("error", onError);
    this.subscriber.on("message", (channel: string, text: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(text);
    });
  }

  async publish(channel: string, text: string): Promise<void> {
    await this.publisher.publish(channel, text);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    if (addHandler(this.handlers, channel, handler)) await this.subscriber.subscribe(channel);
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}

/** Redis when `redisUrl` is set, else PostgreSQL. */
export function createPubSub(input: { redisUrl: string | undefined; connection: ConnectionConfig; pool: pg.Pool; onError?: (error: unknown) => void }): PubSub {
  return input.redisUrl ? new RedisPubSub(input.redisUrl, input.onError) : new PostgresPubSub(input.connection, input.pool, input.onError);
}
