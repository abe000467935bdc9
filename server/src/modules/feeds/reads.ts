import { sql } from "kysely";
import type { Db } from "../../platform/db.ts";

/** How long reads wait in memory before they are written, and how many trigger an early write. */
const FLUSH_EVERY_MS = 2_000;
const FLUSH_AT_ROWS = 500;

/** One post seen by one person on one (UTC) day: `post_reads` keeps at most one row of each. */
interface Read {
  postId: string;
  userId: string;
  day: string;
}

/**
 * Records which posts people were shown, for adoption analytics, without putting a write on the
 * request path: reads collect in memory (deduplicated there already) and are written in batches
 * every two seconds, or as soon as 500 are waiting, and once more when the app closes. Losing the
 * last two seconds of reads in a crash is accepted: they are statistics, not state.
 */
export class ReadRecorder {
  private pending = new Map<string, Read>();
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  /** Where a failed write is reported (the app's log, set by the feeds routes); the batch is dropped. */
  onError: (error: unknown) => void = () => {};

  constructor(private readonly db: Db) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    // Waiting reads never keep the process alive on their own; closing flushes them.
    this.timer.unref();
  }

  /** Notes that `userId` was shown `postIds` now; returns at once. */
  record(userId: string, postIds: string[]): void {
    const day = new Date().toISOString().slice(0, 10);
    for (const postId of postIds) this.pending.set(`${postId}|${userId}|${day}`, { postId, userId, day });
    if (this.pending.size >= FLUSH_AT_ROWS) void this.flush();
  }

  /** Writes every waiting read; resolves once they are in the database (or the write failed and was reported). */
  flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (batch.length > 0) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** One statement for the batch; rows already there (same post, person and day) are skipped, as are posts or people gone since. */
  private async write(batch: Read[]): Promise<void> {
    try {
      await sql`
        insert into post_reads (post_id, user_id, day)
        select batch.post_id, batch.user_id, batch.day
        from unnest(${batch.map((read) => read.postId)}::uuid[], ${batch.map((read) => read.userId)}::uuid[], ${batch.map((read) => read.day)}::date[])
          as batch(post_id, user_id, day)
        where exists (select 1 from posts where posts.id = batch.post_id)
          and exists (select 1 from users where users.id = batch.user_id)
        on conflict do nothing
      `.execute(this.db);
    } catch (error) {
      this.onError(error);
    }
  }
}

const recorders = new WeakMap<object, ReadRecorder>();

/**
 * The read recorder of one running app, keyed by its runtime, so every module that shows posts
 * (feeds, a post opened on its own) records into the same buffer; the feeds routes close it.
 * @example readRecorder(runtime).record(viewer.id, [post.id])
 */
export function readRecorder(runtime: { db: Db }): ReadRecorder {
  let recorder = recorders.get(runtime);
  if (!recorder) {
    recorder = new ReadRecorder(runtime.db);
    recorders.set(runtime, recorder);
  }
  return recorder;
}
