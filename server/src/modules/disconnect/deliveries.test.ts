import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import type { DeliveryChannel } from "../notifications/channels.ts";
import { notify } from "../notifications/recipients.ts";
import { releaseDueDeliveries } from "./deliveries.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

type Call = { channel: string; userId: string; notificationIds: string[]; urgent: boolean };

/** Channels that record what they are asked to deliver (and can be told to fail). */
function recordingChannels(options: { failing?: "email" | "push" } = {}): { channels: DeliveryChannel[]; calls: Call[] } {
  const calls: Call[] = [];
  const channel = (name: "email" | "push"): DeliveryChannel => ({
    name,
    deliver: async (_runtime, input) => {
      if (options.failing === name) throw new Error(`${name} is down`);
      calls.push({ channel: name, userId: input.userId, urgent: input.urgent, notificationIds: [...input.notificationIds].sort() });
    },
  });
  return { channels: [channel("email"), channel("push")], calls };
}

/** Mentions `userId` (one new notification) as of `now`, as the outbox handler would. */
async function mentionAt(userId: string, now: Date): Promise<string> {
  const actor = await buildUser(t.db);
  await t.db.transaction().execute(async (tx) => {
    const eventId = await appendEvent(tx, { type: "test.mention", actorId: actor.id });
    await notify(tx, { eventId, kind: "mention", actorId: actor.id, candidates: { userIds: [userId] }, communityId: null, gate: "ungated", mustRead: false, now });
  });
  const row = await t.db.selectFrom("notifications").select("id").where("user_id", "=", userId).orderBy("id", "desc").executeTakeFirstOrThrow();
  return row.id;
}

const callsFor = (calls: Call[], userId: string) => calls.filter((call) => call.userId === userId);

/** `actorId` reacts to a post of `userId` as of `now`: one grouped notification while it is unread. */
async function reactionAt(input: { userId: string; actorId: string; postKey: string; now: Date }): Promise<string> {
  await t.db.transaction().execute(async (tx) => {
    const eventId = await appendEvent(tx, { type: "test.reaction", actorId: input.actorId });
    await notify(tx, {
      eventId,
      kind: "reaction",
      actorId: input.actorId,
      candidates: { userIds: [input.userId] },
      communityId: null,
      gate: "ungated",
      groupKey: `reaction:${input.postKey}`,
      mustRead: false,
      now: input.now,
    });
  });
  const row = await t.db.selectFrom("notifications").select("id").where("user_id", "=", input.userId).where("group_key", "=", `reaction:${input.postKey}`).executeTakeFirstOrThrow();
  return row.id;
}

describe("held email and push deliveries", () => {
  // Thursday 5 November 2026, 22:00 in Montreal (EST, UTC-5); Friday 08:00 there is 13:00 UTC.
  const evening = new Date("2026-11-06T03:00:00Z");

  it("gives a person in Montreal nothing outside their hours, then one call per channel with every held id at 08:00 their time", async () => {
    const person = await buildUser(t.db, { timezone: "America/Montreal" });
    const first = await mentionAt(person.id, evening);
    const second = await mentionAt(person.id, new Date("2026-11-06T05:00:00Z"));
    const early = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-06T12:59:00Z"), channels: early.channels });
    expect(callsFor(early.calls, person.id)).toEqual([]);
    const morning = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-06T13:00:00Z"), channels: morning.channels });
    const ids = [first, second].sort();
    expect(callsFor(morning.calls, person.id)).toEqual([
      { channel: "email", userId: person.id, notificationIds: ids, urgent: false },
      { channel: "push", userId: person.id, notificationIds: ids, urgent: false },
    ]);
    const later = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-06T14:00:00Z"), channels: later.channels });
    expect(callsFor(later.calls, person.id)).toEqual([]);
  });

  it("delivers at once to a person who is at work (Paris, 15:00 on that Thursday)", async () => {
    const person = await buildUser(t.db, { timezone: "Europe/Paris" });
    const now = new Date("2026-11-05T14:00:00Z");
    const id = await mentionAt(person.id, now);
    const { channels, calls } = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now, channels });
    expect(callsFor(calls, person.id).map((call) => call.notificationIds)).toEqual([[id], [id]]);
  });

  it("keeps a person's deliveries for the next run when a channel fails, then delivers them all", async () => {
    const person = await buildUser(t.db, { timezone: "Europe/Paris" });
    const now = new Date("2026-11-05T14:00:00Z");
    const id = await mentionAt(person.id, now);
    const failing = recordingChannels({ failing: "push" });
    const result = await releaseDueDeliveries(t.runtime, { now, channels: failing.channels });
    expect(result.failures.length).toBeGreaterThan(0);
    const retry = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-05T14:01:00Z"), channels: retry.channels });
    expect(callsFor(retry.calls, person.id).map((call) => call.channel)).toEqual(["email", "push"]);
    expect(callsFor(retry.calls, person.id)[0]?.notificationIds).toEqual([id]);
  });

  it("waits out an absence before delivering", async () => {
    const person = await buildUser(t.db, { timezone: "Europe/Paris" });
    await t.db.updateTable("users").set({ away_until: new Date("2026-11-09T12:00:00Z") }).where("id", "=", person.id).execute();
    await mentionAt(person.id, new Date("2026-11-05T14:00:00Z"));
    const during = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-09T11:59:00Z"), channels: during.channels });
    expect(callsFor(during.calls, person.id)).toEqual([]);
    const back = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-09T12:00:00Z"), channels: back.channels });
    expect(callsFor(back.calls, person.id)).toHaveLength(2);
  });

  it("holds again what fell due after the person went away, until they are back at work", async () => {
    const person = await buildUser(t.db, { timezone: "Europe/Paris" });
    const id = await mentionAt(person.id, new Date("2026-11-05T20:00:00Z"));
    // Queued for Friday 08:00; on Thursday night they set an absence until Monday noon.
    await t.db.updateTable("users").set({ away_until: new Date("2026-11-09T11:00:00Z") }).where("id", "=", person.id).execute();
    const friday = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-06T07:00:00Z"), channels: friday.channels });
    expect(callsFor(friday.calls, person.id)).toEqual([]);
    const monday = recordingChannels();
    await releaseDueDeliveries(t.runtime, { now: new Date("2026-11-09T11:00:00Z"), channels: monday.channels });
    expect(callsFor(monday.calls, person.id).map((call) => call.notificationIds)).toEqual([[id], [id]]);
  });

  it("delivers a grouped reaction again when someone new joins it after it went out, an hour after the last time at the soonest", async () => {
    const person = await buildUser(t.db, { timezone: "Europe/Paris" });
    const [first, second, third] = [await buildUser(t.db), await buildUser(t.db), await buildUser(t.db)];
    const postKey = newId();
    // Thursday 5 November 2026, 15:00 in Paris: at work.
    const at = (minutes: number) => new Date(Date.parse("2026-11-05T14:00:00Z") + minutes * 60_000);
    const id = await reactionAt({ userId: person.id, actorId: first.id, postKey, now: at(0) });
    const delivered = async (minutes: number) => {
      const { channels, calls } = recordingChannels();
      await releaseDueDeliveries(t.runtime, { now: at(minutes), channels });
      return callsFor(calls, person.id).map((call) => [call.channel, call.notificationIds]);
    };
    expect(await delivered(0)).toEqual([["email", [id]], ["push", [id]]]);
    // The same person reacting again is no news; someone new is, but an hour after the first delivery.
    await reactionAt({ userId: person.id, actorId: first.id, postKey, now: at(5) });
    expect(await t.db.selectFrom("notification_deliveries").select("id").where("notification_id", "=", id).where("released_at", "is", null).execute()).toEqual([]);
    expect(await reactionAt({ userId: person.id, actorId: second.id, postKey, now: at(10) })).toBe(id);
    // A third one while that delivery waits folds into it.
    await reactionAt({ userId: person.id, actorId: third.id, postKey, now: at(20) });
    expect(await delivered(59)).toEqual([]);
    expect(await delivered(60)).toEqual([["email", [id]], ["push", [id]]]);
    expect(await delivered(61)).toEqual([]);
    const notification = await t.db.selectFrom("notifications").select("actor_count").where("id", "=", id).executeTakeFirstOrThrow();
    expect(notification.actor_count).toBe(3);
  });

  it("queues nothing for a person who chose no email and subscribed no browser, though the notification is in the app", async () => {
    const person = await buildUser(t.db);
    await t.db.insertInto("notification_settings").values({ user_id: person.id, email: "none" }).execute();
    const id = await mentionAt(person.id, new Date("2026-11-05T14:00:00Z"));
    const queued = await t.db.selectFrom("notification_deliveries").select("id").where("notification_id", "=", id).execute();
    expect(queued).toEqual([]);
  });
});
