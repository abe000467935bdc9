import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { companyCommunityId } from "../posts/testing.ts";
import { send, settle } from "../notifications/testing.ts";

let t: TestContext;
let admin: Browser;
let manager: Browser;
let member: Browser;
let club: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await personBrowser(t, { role: "admin" });
  manager = await personBrowser(t);
  member = await personBrowser(t);
  club = (await createThrough(manager, { name: "Night shift" })).id;
  await addMember(t, club, member.userId);
});
afterAll(() => t.close());

const announce = (browser: Browser, communityId: string, extra: Record<string, unknown>, status: number) =>
  send(browser, { method: "POST", url: "/api/v1/posts", payload: { communityId, body: "The building closes tonight", announcement: true, ...extra }, status });

describe("the organisation's working time", () => {
  it("shows members the default Monday to Friday, 08:00 to 19:00", async () => {
    const response = await member.inject({ method: "GET", url: "/api/v1/organisation/working-time" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ workingDays: [1, 2, 3, 4, 5], workStarts: "08:00", workEnds: "19:00", timezone: "Europe/Paris", managersMayUrge: false });
  });

  it("lets an admin change the days and hours", async () => {
    const response = await send(admin, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { workingDays: [2, 1, 3, 4], workStarts: "09:00", workEnds: "17:30" }, status: 200 });
    expect(response.json()).toMatchObject({ workingDays: [1, 2, 3, 4], workStarts: "09:00", workEnds: "17:30" });
    await send(admin, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { workingDays: [1, 2, 3, 4, 5], workStarts: "08:00", workEnds: "19:00" }, status: 200 });
  });

  it("refuses a day that ends before it starts, naming the field", async () => {
    const response = await send(admin, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { workEnds: "07:00" }, status: 400 });
    expect(response.json().error.details[0].field).toBe("workEnds");
  });

  it("refuses a weekday that does not exist, naming the field", async () => {
    const response = await send(admin, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { workingDays: [1, 8] }, status: 400 });
    expect(response.json().error.details[0].field).toBe("workingDays.1");
  });

  it("refuses members who try to change it", async () => {
    await send(member, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { workStarts: "06:00" }, status: 403 });
  });
});

describe("a person's absence", () => {
  it("is set and cleared through the profile, and shown only to the person", async () => {
    const set = await send(member, { method: "PATCH", url: "/api/v1/me", payload: { awayUntil: "2026-12-24T08:00:00.000Z" }, status: 200 });
    expect(set.json().awayUntil).toBe("2026-12-24T08:00:00.000Z");
    const seen = await admin.inject({ method: "GET", url: `/api/v1/people/${member.userId}` });
    expect(seen.json()).not.toHaveProperty("awayUntil");
    const cleared = await send(member, { method: "PATCH", url: "/api/v1/me", payload: { awayUntil: null }, status: 200 });
    expect(cleared.json().awayUntil).toBeNull();
  });

  it("refuses a date that is not one, naming the field", async () => {
    const response = await send(member, { method: "PATCH", url: "/api/v1/me", payload: { awayUntil: "next monday" }, status: 400 });
    expect(response.json().error.details[0].field).toBe("awayUntil");
  });
});

describe("urgent announcements", () => {
  it("delivers an admin's urgent announcement at once and records who, when and why", async () => {
    const company = await companyCommunityId(t);
    const before = new Date();
    const post = (await announce(admin, company, { urgent: { reason: "Fire drill at 22:00" } }, 201)).json();
    await settle(t);
    const deliveries = await t.db
      .selectFrom("notification_deliveries")
      .innerJoin("notifications", "notifications.id", "notification_deliveries.notification_id")
      .select(["notification_deliveries.user_id", "notification_deliveries.urgent", "notification_deliveries.due_at", "notification_deliveries.created_at"])
      .where("notifications.post_id", "=", post.id)
      .execute();
    expect(deliveries.map((row) => row.user_id)).toContain(member.userId);
    for (const row of deliveries) {
      expect(row.urgent).toBe(true);
      expect(row.due_at.getTime()).toBeLessThanOrEqual(row.created_at.getTime());
    }
    const audit = await t.db.selectFrom("urgent_overrides").selectAll().where("post_id", "=", post.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.userId, reason: "Fire drill at 22:00" });
    expect(audit[0]?.created_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("requires a reason, naming urgent.reason", async () => {
    const company = await companyCommunityId(t);
    const missing = await announce(admin, company, { urgent: {} }, 400);
    expect(missing.json().error.details[0].field).toBe("urgent.reason");
    const blank = await announce(admin, company, { urgent: { reason: "   " } }, 400);
    expect(blank.json().error.details[0].field).toBe("urgent.reason");
  });

  it("is only for announcements", async () => {
    const response = await send(admin, { method: "POST", url: "/api/v1/posts", payload: { communityId: club, body: "Hello", urgent: { reason: "Because" } }, status: 400 });
    expect(response.json().error.details[0].field).toBe("urgent");
  });

  it("refuses a manager until the organisation lets managers mark urgent, and writes nothing", async () => {
    const refused = await announce(manager, club, { urgent: { reason: "Shift change" } }, 403);
    expect(refused.json().error.code).toBe("urgent_not_allowed");
    const posts = await t.db.selectFrom("posts").select("id").where("community_id", "=", club).execute();
    expect(posts).toEqual([]);
    await send(admin, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { managersMayUrge: true }, status: 200 });
    await announce(manager, club, { urgent: { reason: "Shift change" } }, 201);
    await send(admin, { method: "PATCH", url: "/api/v1/organisation/working-time", payload: { managersMayUrge: false }, status: 200 });
  });

  it("refuses a member who may not even announce", async () => {
    const response = await announce(member, club, { urgent: { reason: "Me too" } }, 403);
    expect(response.json().error.code).toBe("announcement_not_allowed");
  });
});
