import path from "node:path";
import type pg from "pg";
import type { Config } from "./config.ts";
import { openDb, type ConnectionConfig, type Db } from "./platform/db.ts";
import { Jobs } from "./platform/jobs.ts";
import { Mailer, type MailMessage } from "./platform/mailer.ts";
import { OutboxDispatcher, type EventHandler } from "./platform/outbox.ts";
import { createPubSub, type PubSub } from "./platform/pubsub.ts";
import { createStorage } from "./platform/storage.ts";
import { extractAttachmentText, type ExtractionJob } from "./modules/attachments/jobs.ts";
import { removeAbandonedUploads } from "./modules/attachments/service.ts";
import { archiveEndedProjects } from "./modules/communities/projects.ts";
import { eventHandlers } from "./modules/index.ts";
import { fetchLinkPreview, type PreviewJob } from "./modules/previews/jobs.ts";
import { streamTypes } from "./modules/realtime/deliveries.ts";
import { StreamHub } from "./modules/realtime/hub.ts";
import { registerDisconnectJobs } from "./modules/disconnect/jobs.ts";
import { registerNotificationsJobs } from "./modules/notifications/jobs.ts";
import { registerSchedulingJobs } from "./modules/scheduling/jobs.ts";

/** The long-lived parts a Ruche process shares between requests, jobs and the outbox. */
export interface Runtime {
  config: Config;
  connection: ConnectionConfig;
  db: Db;
  pool: pg.Pool;
  jobs: Jobs;
  mailer: Mailer;
  dispatcher: OutboxDispatcher;
  /** Messages between processes: PostgreSQL LISTEN/NOTIFY, or Redis when `REDIS_URL` is set. */
  pubsub: PubSub;
  /** The realtime stream's hub; it starts listening at the first connection. */
  hub: StreamHub;
  /** Tests only: loopback `host:port` push endpoints may name (see modules/push). Empty otherwise. */
  pushAllowHosts: string[];
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Process jobs and dispatch the outbox here (roles `all` and `worker`). Default: true. */
  work?: boolean;
  /** Job polling interval; tests shorten it. */
  pollingIntervalSeconds?: number;
  /** Tests only: local servers link previews may fetch from (see `safeFetch`). Never set from configuration. */
  linkPreviewAllowHosts?: string[];
  /** Tests only: loopback push endpoints (`127.0.0.1:port`) people may subscribe and be pushed to. */
  pushAllowHosts?: string[];
}

/** Opens the pool, the job queue, the mailer and the outbox dispatcher over a migrated database. */
export async function createRuntime(config: Config, connection: ConnectionConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const { db, pool } = openDb(connection, 20);
  const jobs = new Jobs(connection, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 });
  const pubsub = createPubSub({ redisUrl: config.redisUrl, connection, pool });
  // With Redis, the dispatcher publishes each event id that the stream uses; without, the hub
  // listens to the outbox's own notifications (sent at commit).
  const channel = config.redisUrl ? `${config.redisPrefix}events` : "ruche_outbox";
  const hub = new StreamHub({ db, pubsub, channel });
  const mailer = new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir: path.join(config.dataDir, "mail") });
  const runtime: Runtime = {
    config,
    connection,
    db,
    pool,
    jobs,
    mailer,
    dispatcher: undefined as unknown as OutboxDispatcher,
    pubsub,
    hub,
    pushAllowHosts: options.pushAllowHosts ?? [],
    close: async () => {
      await runtime.dispatcher.stop();
      await hub.close();
      await jobs.stop();
      mailer.close();
      await db.destroy();
    },
  };
  const handlers: Record<string, EventHandler[]> = eventHandlers(runtime);
  if (config.redisUrl) {
    const publish: EventHandler = async (event) => pubsub.publish(channel, event.id);
    // First, so that a failing handler of another module (retried later) does not hold the stream back.
    for (const type of streamTypes) handlers[type] = [publish, ...(handlers[type] ?? [])];
  }
  runtime.dispatcher = new OutboxDispatcher({ db, connection, handlers });
  await jobs.start();
  if (options.work ?? true) {
    await jobs.work<MailMessage>("mail.send", (message) => mailer.send(message));
    await jobs.work("communities.archive_ended_projects", async () => {
      await archiveEndedProjects(db);
    });
    // Hourly: a project is archived within the hour after its end day is over in the organisation's time zone.
    await jobs.schedule("communities.archive_ended_projects", "0 * * * *");
    const storage = createStorage(config);
    const allowHosts = options.linkPreviewAllowHosts;
    await jobs.work<PreviewJob>("previews.fetch", (job) => fetchLinkPreview({ db, storage, ...(allowHosts ? { allowHosts } : {}) }, job));
    await jobs.work("attachments.remove_unclaimed", async () => {
      await removeAbandonedUploads({ db, storage });
    });
    // Hourly: an upload nobody attached goes a day (and at most an hour) after it was made.
    await jobs.schedule("attachments.remove_unclaimed", "30 * * * *");
    await jobs.work<ExtractionJob>("attachments.extract_text", (job) => extractAttachmentText({ db, storage }, job));
    await registerNotificationsJobs(runtime);
    await registerDisconnectJobs(runtime);
    await registerSchedulingJobs(runtime);
    await runtime.dispatcher.start();
  }
  return runtime;
}
