import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../test/context.ts";
import { createScratchDatabase, type ScratchDatabase } from "../../test/scratch.ts";
import { appendEvent, OutboxDispatcher, type EventHandler } from "./outbox.ts";
import type { EventRow } from "./schema.ts";

let database: ScratchDatabase;
let dispatcher: OutboxDispatcher | undefined;

/** A dispatcher as a restarted process would create it; polling is slowed so only `wake()` delivers. */
async function startDispatcher(handlers: Record<string, EventHandler[]>): Promise<OutboxDispatcher> {
  dispatcher = new OutboxDispatcher({ db: database.db, connection: database.connection, handlers, pollMs: 60_000 });
  await dispatcher.start();
  return dispatcher;
}

async function eventRow(id: string): Promise<EventRow> {
  return database.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  database = await createScratchDatabase("outbox");
});
afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = undefined;
});
afterAll(() => database.drop());

describe("the outbox", () => {
  it("delivers, exactly once, an event committed while no dispatcher was running", async () => {
    // The process that committed this died before dispatching it.
    const id = await database.db.transaction().execute((tx) => appendEvent(tx, { type: "member.joined", payload: { name: "Inès" } }));
    const delivered: EventRow[] = [];
    const restarted = await startDispatcher({ "member.joined": [async (event) => void delivered.push(event)] });

    await restarted.wake();
    await restarted.wake();
    expect(delivered.map((event) => [event.id, event.payload])).toEqual([[id, { name: "Inès" }]]);
    expect((await eventRow(id)).dispatched_at).toBeInstanceOf(Date);
  });

  it("never delivers the event of a change that rolled back", async () => {
    const delivered: string[] = [];
    await expect(
      database.db.transaction().execute(async (tx) => {
        await appendEvent(tx, { type: "post.created", subjectId: null });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const running = await startDispatcher({ "post.created": [async (event) => void delivered.push(event.id)] });

    await running.wake();
    expect(delivered).toEqual([]);
    expect(await database.db.selectFrom("events").select("id").where("type", "=", "post.created").execute()).toEqual([]);
  });

  it("keeps an event whose handler failed pending, counts the attempt, and delivers it on a later wake", async () => {
    const id = await appendEvent(database.db, { type: "invitation.created" });
    let calls = 0;
    const delivered: string[] = [];
    const running = await startDispatcher({
      "invitation.created": [
        async (event) => {
          calls += 1;
          if (calls === 1) throw new Error("SMTP is down");
          delivered.push(event.id);
        },
      ],
    });

    // Starting drains once; nothing wakes the dispatcher again until the next call below.
    const failed = await eventually(async () => {
      const row = await eventRow(id);
      return row.attempts > 0 ? row : undefined;
    });
    expect(failed.dispatched_at).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain("SMTP is down");
    expect(delivered).toEqual([]);

    await running.wake();
    expect(delivered).toEqual([id]);
    expect((await eventRow(id)).dispatched_at).toBeInstanceOf(Date);
  });

  it("delivers the events around a failing one in the same round, and keeps only the failing one pending", async () => {
    const ids: string[] = [];
    for (const type of ["invitation.created", "invitation.revoked", "invitation.created"]) ids.push(await appendEvent(database.db, { type }));
    const [first, failing, last] = ids as [string, string, string];
    const delivered: string[] = [];
    await startDispatcher({
      "invitation.created": [
        async (event, tx) => {
          await tx.insertInto("server_secrets").values({ name: `outbox-${event.id}`, value: "written" }).execute();
          delivered.push(event.id);
        },
      ],
      "invitation.revoked": [
        async (event, tx) => {
          await tx.insertInto("server_secrets").values({ name: `outbox-${event.id}`, value: "rolled back" }).execute();
          throw new Error("this one fails");
        },
      ],
    });
    await eventually(async () => ((await eventRow(failing)).attempts > 0 ? true : undefined));
    expect(delivered.filter((id) => ids.includes(id))).toEqual([first, last]);
    expect((await eventRow(first)).dispatched_at).toBeInstanceOf(Date);
    expect((await eventRow(last)).dispatched_at).toBeInstanceOf(Date);
    expect((await eventRow(failing)).dispatched_at).toBeNull();
    const written = await database.db.selectFrom("server_secrets").select("name").where("name", "in", ids.map((id) => `outbox-${id}`)).execute();
    expect(written.map((row) => row.name).sort()).toEqual([`outbox-${first}`, `outbox-${last}`].sort());
  });

  it("rolls back what a failing handler wrote, so a retry does not write it twice", async () => {
    const id = await appendEvent(database.db, { type: "user.created" });
    let calls = 0;
    const running = await startDispatcher({
      "user.created": [
        async (event, tx) => {
          calls += 1;
          await appendEvent(tx, { type: "user.welcomed", subjectId: event.id });
          if (calls === 1) throw new Error("crashed after writing");
        },
      ],
    });

    await running.wake();
    await running.wake();
    const followUps = await database.db.selectFrom("events").select("id").where("subject_id", "=", id).execute();
    expect(followUps).toHaveLength(1);
  });
});
