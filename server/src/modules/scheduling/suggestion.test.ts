import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { majorityStart, suggestSendTime } from "./suggestion.ts";

let t: TestContext;
let author: Browser;
let club: string;

/** A member of the club in a time zone, at a notification level for it. */
async function member(timezone: string, level: "all" | "highlights"): Promise<string> {
  const person = await personBrowser(t, { timezone });
  await addMember(t, club, person.userId);
  await t.db.insertInto("community_notification_levels").values({ user_id: person.userId, community_id: club, level }).execute();
  return person.userId;
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  author = await personBrowser(t, { timezone: "Europe/Paris" });
  club = (await createThrough(author, { name: "Night owls" })).id;
  await member("Europe/Paris", "all");
  await member("America/Montreal", "all");
  await member("America/Montreal", "all");
  await member("Europe/Paris", "highlights");
});
afterAll(() => t.close());

const viewer = () => ({ id: author.userId, role: "member" as const });

describe("the send-later suggestion", () => {
  it("counts those a post would notify who are off now, and suggests when most of them start (DST in Montreal)", async () => {
    // Tuesday 10 March 2026, 06:00 UTC: 07:00 in Paris, 02:00 in Montreal (daylight saving since the 8th).
    const now = new Date("2026-03-10T06:00:00Z");
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club }, now });
    // Paris starts at 07:00 UTC, both Montreal members at 08:00 EDT = 12:00 UTC: most of them by 12:00.
    expect(suggestion).toEqual({ notified: 3, offNow: 3, suggestedSendAt: "2026-03-10T12:00:00.000Z" });
  });

  it("counts members at the highlights level for an announcement", async () => {
    const now = new Date("2026-03-10T06:00:00Z");
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club, announcement: true }, now });
    expect([suggestion.notified, suggestion.offNow]).toEqual([4, 4]);
  });

  it("suggests nothing when everyone is at work", async () => {
    // Tuesday 14:00 UTC: 15:00 in Paris, 10:00 in Montreal.
    const suggestion = await suggestSendTime(t.db, viewer(), { body: { communityId: club }, now: new Date("2026-03-10T14:00:00Z") });
    expect(suggestion).toEqual({ notified: 3, offNow: 0, suggestedSendAt: null });
  });

  it("answers a community one cannot see with community_not_found", async () => {
    const response = await author.inject({ method: "POST", url: "/api/v1/scheduled-posts/suggestion", payload: { communityId: UNKNOWN_ID } });
    expect([response.statusCode, response.json().error.code]).toEqual([404, "community_not_found"]);
  });

  it("picks the first instant by which more than half have started", () => {
    const at = (hour: number) => new Date(Date.UTC(2026, 0, 5, hour));
    expect([majorityStart([]), majorityStart([at(9), at(7), at(8)]), majorityStart([at(7), at(12)])]).toEqual([null, at(8), at(12)]);
  });
});
