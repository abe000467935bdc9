import { sql } from "kysely";
import pg from "pg";
import type { ConnectionConfig, Db, Executor, Tx } from "./db.ts";
import { newId } from "./ids.ts";
import type { EventRow } from "./schema.ts";

const CHANNEL = "ruche_outbox";

/** A domain event, e.g. `invitation.created`, as written to the outbox. */
export interface DomainEvent {
  type: string;
  actorId?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Appends an event to the outbox in the caller's transaction: it exists if and only if the change
 * commits. Listeners are woken at commit (NOTIFY is transactional).
 */
export async function appendEvent(tx: Executor, event: DomainEvent): Promise<string> {
  const id = newId();
  // One statement, one round trip: the row, and the notification sent when the transaction commits.
  await sql`
    with written as (
      insert into events (id, type, actor_id, subject_id, payload)
      values (${id}, ${event.type}, ${event.actorId ?? null}, ${event.subjectId ?? null}, ${JSON.stringify(event.payload ?? {})}::jsonb)
      returning id
    )
    select pg_notify(${CHANNEL}, written.id::text) from written
  `.execute(tx);
  return id;
}

/** Handles one event inside the dispatch transaction; must be idempotent. */
export type EventHandler = (event: EventRow, tx: Tx) => Promise<void>;

export interface DispatcherOptions {
  db: Db;
  connection: ConnectionConfig;
  handlers: Record<string, EventHandler[]>;
  /** How often to look for events when no notification arrives (a missed NOTIFY, a retry). */
  pollMs?: number;
  onError?: (error: unknown, event?: EventRow) => void;
}

const BATCH = 100;
const MAX_ATTEMPTS = 10;

/**
 * Delivers outbox events after commit. Each event's handlers run in one transaction that also
 * marks it dispatched, so a crash before that commit leaves the event pending for the next run.
 * Several dispatchers may run at once: rows are claimed with SKIP LOCKED.
 */
export class OutboxDispatcher {
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: DispatcherOptions) {}

  async start(): Promise<void> {
    this.running = true;
    this.listener = new pg.Client(this.options.connection);
    this.listener.on("error", (error) => this.options.onError?.(error));
    await this.listener.connect();
    this.listener.on("notification", () => this.wake());
    await this.listener.query(`listen ${CHANNEL}`);
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Dispatches until no pending event is left; resolves when done (tests await it). */
  wake(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while (this.running && (await this.dispatchBatch()) === BATCH);
    } while (this.running && this.again);
  }

  /**
   * Claims up to a batch of pending events and runs their handlers in one transaction, which also
   * marks them dispatched: one commit for many events when they arrive fast (each commit waits
   * for the disk). Each event's handlers run under a savepoint, so a failing one rolls back only
   * what its own handlers wrote; that event stays pending with its attempt counted.
   */
  private async dispatchBatch(): Promise<number> {
    try {
      return await this.options.db.transaction().execute(async (tx) => {
        const events = await tx
          .selectFrom("events")
          .selectAll()
          .where("dispatched_at", "is", null)
          .where("attempts", "<", MAX_ATTEMPTS)
          .orderBy("created_at")
          .orderBy("id")
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        const dispatched: string[] = [];
        for (const event of events) {
          if (await this.dispatchOne(tx, event)) dispatched.push(event.id);
        }
        if (dispatched.length > 0) await tx.updateTable("events").set({ dispatched_at: new Date() }).where("id", "in", dispatched).execute();
        return events.length;
      });
    } catch (error) {
      this.options.onError?.(error);
      return 0;
    }
  }

  /** Runs one event's handlers under a savepoint; false (and the attempt counted) when one fails. */
  private async dispatchOne(tx: Tx, event: EventRow): Promise<boolean> {
    await sql`savepoint dispatch_event`.execute(tx);
    try {
      for (const handler of this.options.handlers[event.type] ?? []) await handler(event, tx);
      await sql`release savepoint dispatch_event`.execute(tx);
      return true;
    } catch (error) {
      this.options.onError?.(error, event);
      await sql`rollback to savepoint dispatch_event`.execute(tx);
      await tx
        .updateTable("events")
        .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: String(error).slice(0, 2000) }))
        .where("id", "=", event.id)
        .execute();
      return false;
    }
  }
}
