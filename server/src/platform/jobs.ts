import { CompiledQuery } from "kysely";
import PgBoss from "pg-boss";
import type { ConnectionConfig, Executor } from "./db.ts";

/** A background job handler: receives the job's data; throwing makes pg-boss retry it. */
export type JobHandler<T = Record<string, unknown>> = (data: T, job: { id: string; name: string }) => Promise<void>;

/** Every queue Ruche uses; pg-boss needs each created before use. */
export const queues = ["mail.send", "notifications.email_digests", "communities.archive_ended_projects", "previews.fetch", "attachments.remove_unclaimed", "attachments.extract_text", "scheduling.publish_due", "disconnect.release_due"] as const;
export type QueueName = (typeof queues)[number];

/** Background jobs on the same PostgreSQL (pg-boss): retries, schedules, idempotent handlers. */
export class Jobs {
  readonly boss: PgBoss;
  private started = false;

  constructor(connection: ConnectionConfig, options: { pollingIntervalSeconds?: number } = {}) {
    this.boss = new PgBoss({
      ...(connection as PgBoss.DatabaseOptions),
      max: 4,
      application_name: "ruche-jobs",
      retryLimit: 5,
      retryDelay: 5,
      retryBackoff: true,
      // Mail jobs carry single-use links: keep finished jobs briefly, not pg-boss's default week.
      archiveCompletedAfterSeconds: 3600,
      deleteAfterHours: 24,
      // Every-minute schedules (held notifications released at the start of a working day, posts
      // sent later) start within seconds of their minute; pg-boss's defaults (a look every 30 s,
      // then 5 s to pick it up) let them start up to a minute late.
      cronMonitorIntervalSeconds: 10,
      cronWorkerIntervalSeconds: 2,
    });
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.boss.on("error", () => undefined);
  }

  private readonly pollingIntervalSeconds: number;

  /** Installs or upgrades pg-boss's schema and creates Ruche's queues. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const name of queues) await this.boss.createQueue(name);
    this.started = true;
  }

  /**
   * Enqueues a job. Given a transaction, the job is written in it, so it exists exactly when
   * the change that caused it commits.
   */
  async send(name: QueueName, data: object, options: { id?: string; startAfter?: Date } = {}, tx?: Executor): Promise<void> {
    const db = tx
      ? {
          executeSql: async (text: string, values: unknown[]) => {
            const result = await tx.executeQuery(CompiledQuery.raw(text, values));
            return { rows: result.rows as unknown[] };
          },
        }
      : undefined;
    await this.boss.send(name, data, { ...options, ...(db ? { db } : {}) });
  }

  /** Starts processing a queue in this process (worker role). */
  async work<T extends object>(name: QueueName, handler: JobHandler<T>): Promise<void> {
    await this.boss.work<T>(name, { pollingIntervalSeconds: this.pollingIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await handler(job.data, { id: job.id, name: job.name });
    });
  }

  /**
   * Runs a queue's job on a cron schedule (UTC). Every worker may set it: pg-boss keeps one
   * schedule per queue and starts each run once, whatever the number of workers.
   */
  async schedule(name: QueueName, cron: string): Promise<void> {
    await this.boss.schedule(name, cron);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, close: true, wait: true, timeout: 10_000 });
  }
}
