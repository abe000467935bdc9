import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, type Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { createThrough, personBrowser } from "../communities/testing.ts";
import { reportCsv } from "./report.ts";

let t: TestContext;
let admin: Browser;
let club: string;
const sales: string[] = [];
const legal: string[] = [];

/** A post by `authorId` written at `at`. */
async function postAt(authorId: string, at: string): Promise<string> {
  const id = newId();
  await t.db.insertInto("posts").values({ id, community_id: club, author_id: authorId, body: "x", body_html: "<p>x</p>", created_at: new Date(at) }).execute();
  return id;
}

/** An email/push delivery for `userId` made at `at`, due `heldMinutes` later (0: sent at once). */
async function deliveryAt(userId: string, at: string, heldMinutes: number): Promise<void> {
  const notificationId = newId();
  await t.db.insertInto("notifications").values({ id: notificationId, user_id: userId, kind: "mention", actor_ids: [], grouped_actor_ids: [], reason: null }).execute();
  const created = new Date(at);
  await t.db
    .insertInto("notification_deliveries")
    .values({ id: newId(), user_id: userId, notification_id: notificationId, created_at: created, due_at: new Date(created.getTime() + heldMinutes * 60_000) })
    .execute();
}

async function overrideAt(actorId: string, at: string, reason: string): Promise<void> {
  const postId = await postAt(actorId, at);
  await t.db.insertInto("urgent_overrides").values({ id: newId(), post_id: postId, actor_id: actorId, reason, created_at: new Date(at) }).execute();
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  admin = await personBrowser(t, { role: "admin", timezone: "Europe/Paris" });
  club = (await createThrough(admin, { name: "Everyone" })).id;
  for (const _ of [1, 2, 3, 4, 5]) sales.push((await buildUser(t.db, { department: "Sales", timezone: "Europe/Paris" })).id);
  for (const _ of [1, 2]) legal.push((await buildUser(t.db, { department: "Legal", timezone: "Europe/Paris" })).id);
  const [seller = "", colleague = ""] = sales;
  // February 2026, Paris: Tuesday 3rd at 23:00, Saturday 7th at 11:00 and the urgent post on Tuesday
  // 10th at 21:00 are off hours (three); Tuesday 3rd at 11:00 is not.
  await postAt(seller, "2026-02-03T22:00:00Z");
  await postAt(colleague, "2026-02-07T10:00:00Z");
  await postAt(seller, "2026-02-03T10:00:00Z");
  await deliveryAt(seller, "2026-02-03T22:00:00Z", 540);
  await deliveryAt(colleague, "2026-02-03T10:00:00Z", 0);
  await overrideAt(seller, "2026-02-10T20:00:00Z", "Server room flooded");
  for (const person of legal) {
    await postAt(person, "2026-02-03T22:30:00Z");
    await deliveryAt(person, "2026-02-03T22:30:00Z", 500);
  }
  await overrideAt(legal[0] ?? "", "2026-03-02T21:00:00Z", "Regulator deadline");
});
afterAll(() => t.close());

const report = (browser: Browser, query = "from=2026-01&to=2026-12") => browser.inject({ method: "GET", url: `/api/v1/admin/reports/disconnect?${query}` });

describe("the disconnect report", () => {
  it("counts, per month and department, held notifications, off-hours posts and urgent overrides", async () => {
    const response = await report(admin);
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual([{ month: "2026-02", department: "Sales", notificationsHeld: 1, offHoursPosts: 3, urgentOverrides: 1 }]);
  });

  it("lists override reasons per month without naming anyone", async () => {
    const body = (await report(admin)).json();
    expect(body.overrideReasons).toEqual([
      { month: "2026-02", reasons: ["Server room flooded"] },
      { month: "2026-03", reasons: ["Regulator deadline"] },
    ]);
  });

  it("exports the same table as a CSV download", async () => {
    const response = await report(admin, "from=2026-02&to=2026-02&format=csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="disconnect-report-2026-02-2026-02.csv"');
    expect(response.body.split("\r\n")).toEqual([
      "month,department,notifications_held,off_hours_posts,urgent_overrides",
      '"2026-02","Sales","1","3","1"',
      "",
      "month,urgent_override_reason",
      '"2026-02","Server room flooded"',
      "",
    ]);
  });

  it("never lets a spreadsheet read a department or a reason as a formula", () => {
    const csv = reportCsv(
      {
        from: "2026-01",
        to: "2026-01",
        minimumGroup: 5,
        rows: [{ month: "2026-01", department: "=HYPERLINK(\"x\")", notificationsHeld: 0, offHoursPosts: 0, urgentOverrides: 1 }],
        overrideReasons: [{ month: "2026-01", reasons: ["+33 6 12 34 56 78 down"] }],
      },
      { other: "Other" },
    );
    expect(csv.split("\r\n")).toContain('"2026-01","\'=HYPERLINK(""x"")","0","0","1"');
    expect(csv.split("\r\n")).toContain('"2026-01","\'+33 6 12 34 56 78 down"');
  });

  it("refuses a range that ends before it starts, naming to", async () => {
    const response = await report(admin, "from=2026-05&to=2026-04");
    expect([response.statusCode, response.json().error.details?.[0]?.field]).toEqual([400, "to"]);
  });

  it("is for administrators only", async () => {
    const member = await personBrowser(t);
    const response = await report(member);
    expect([response.statusCode, response.json().error.code]).toEqual([403, "forbidden"]);
  });

  // Last: it grows the population that "Other" is made of.
  it("merges departments under five people into Other, shown once Other has five", async () => {
    for (const _ of [1, 2, 3]) await buildUser(t.db, { department: "Support" });
    const rows = (await report(admin)).json().rows;
    expect(rows).toEqual([
      { month: "2026-02", department: "Sales", notificationsHeld: 1, offHoursPosts: 3, urgentOverrides: 1 },
      { month: "2026-02", department: null, notificationsHeld: 2, offHoursPosts: 2, urgentOverrides: 0 },
      { month: "2026-03", department: null, notificationsHeld: 0, offHoursPosts: 1, urgentOverrides: 1 },
    ]);
  });
});
