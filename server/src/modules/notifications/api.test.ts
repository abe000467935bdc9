import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { excerptOf } from "./present.ts";
import { notificationsOf, send } from "./testing.ts";

let t: TestContext;
let owner: Browser;
let reader: Browser;
let club: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  owner = await personBrowser(t);
  reader = await personBrowser(t);
  club = (await createThrough(owner, { name: "Chess club" })).id;
  await addMember(t, club, reader.userId);
});
afterAll(() => t.close());

let minute = 0;
/** A notification for `userId` about `postId`, written straight into the table, each one a minute later than the last. */
async function notifyDirectly(userId: string, postId: string | null = null): Promise<string> {
  const id = newId();
  minute += 1;
  const at = new Date(Date.parse("2025-01-01T00:00:00Z") + minute * 60_000);
  await t.db
    .insertInto("notifications")
    .values({ id, user_id: userId, kind: postId ? "mention" : "invitation", community_id: club, post_id: postId, actor_ids: [owner.userId], grouped_actor_ids: [owner.userId], actor_count: 1, reason: null, created_at: at, updated_at: at })
    .execute();
  return id;
}

const unreadCount = async (browser: Browser): Promise<number> => {
  const response = await browser.inject({ method: "GET", url: "/api/v1/notifications/unread-count" });
  expect(response.statusCode).toBe(200);
  return response.json().count;
};

describe("the list", () => {
  it("pages through every notification, most recently changed first, without repeats", async () => {
    const person = await personBrowser(t);
    const made: string[] = [];
    for (const _ of [1, 2, 3, 4, 5]) made.push(await notifyDirectly(person.userId));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await person.inject({ method: "GET", url: `/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(response.statusCode).toBe(200);
      const page: { items: { id: string }[]; nextCursor: string | null } = response.json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it("rejects a cursor it did not give out, naming the field", async () => {
    const response = await reader.inject({ method: "GET", url: "/api/v1/notifications?cursor=nonsense" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("cursor");
  });

  it("leaves out notifications about a deleted post or a community one has left", async () => {
    const person = await personBrowser(t);
    const closed = (await createThrough(owner, { name: `Closed ${newId().slice(-6)}`, visibility: "closed" })).id;
    await addMember(t, closed, person.userId);
    await addMember(t, club, person.userId);
    const deleted = await postThrough(owner, club, "Soon gone");
    const private_ = await postThrough(owner, closed, "Members only");
    await notifyDirectly(person.userId, deleted.id);
    await notifyDirectly(person.userId, private_.id);
    expect(await unreadCount(person)).toBe(2);
    await send(owner, { method: "DELETE", url: `/api/v1/posts/${deleted.id}`, status: 204 });
    await send(person, { method: "DELETE", url: `/api/v1/communities/${closed}/members/${person.userId}`, status: 204 });
    expect(await notificationsOf(person)).toEqual([]);
    expect(await unreadCount(person)).toBe(0);
  });

  it("shows unread ones only when asked", async () => {
    const person = await personBrowser(t);
    const first = await notifyDirectly(person.userId);
    const second = await notifyDirectly(person.userId);
    await send(person, { method: "POST", url: `/api/v1/notifications/${first}/read`, status: 204 });
    expect((await notificationsOf(person, "&unread=true")).map((item) => item.id)).toEqual([second]);
    expect((await notificationsOf(person)).map((item) => [item.id, item.read])).toEqual([[second, false], [first, true]]);
  });
});

describe("marking read", () => {
  it("marks one read and lowers the count", async () => {
    const person = await personBrowser(t);
    const id = await notifyDirectly(person.userId);
    await notifyDirectly(person.userId);
    expect(await unreadCount(person)).toBe(2);
    await send(person, { method: "POST", url: `/api/v1/notifications/${id}/read`, status: 204 });
    await send(person, { method: "POST", url: `/api/v1/notifications/${id}/read`, status: 204 });
    expect(await unreadCount(person)).toBe(1);
  });

  it("answers 404 for someone else's notification, exactly as for an unknown one, and leaves it unread", async () => {
    const id = await notifyDirectly(reader.userId);
    const foreign = await send(owner, { method: "POST", url: `/api/v1/notifications/${id}/read`, status: 404 });
    const unknown = await send(owner, { method: "POST", url: `/api/v1/notifications/${UNKNOWN_ID}/read`, status: 404 });
    expect(foreign.body).toBe(unknown.body);
    expect(foreign.json().error.code).toBe("notification_not_found");
    expect((await notificationsOf(reader)).find((item) => item.id === id)?.read).toBe(false);
  });

  it("marks all read at once, and tells the viewer's other devices", async () => {
    const person = await personBrowser(t);
    for (const _ of [1, 2, 3]) await notifyDirectly(person.userId);
    await send(person, { method: "POST", url: "/api/v1/notifications/read-all", status: 204 });
    expect(await unreadCount(person)).toBe(0);
    const changed = await t.db.selectFrom("events").select("payload").where("type", "=", "notifications.changed").where("subject_id", "=", person.userId).execute();
    expect(changed.map((row) => row.payload)).toEqual([{ userIds: [person.userId] }]);
  });
});

describe("settings", () => {
  it("start from the defaults, and keep what is changed", async () => {
    const person = await personBrowser(t);
    const initial = await person.inject({ method: "GET", url: "/api/v1/me/notification-settings" });
    expect(initial.json()).toEqual({ email: "daily", defaultLevel: "highlights", communities: [] });
    const changed = await send(person, { method: "PATCH", url: "/api/v1/me/notification-settings", payload: { email: "weekly" }, status: 200 });
    expect(changed.json()).toEqual({ email: "weekly", defaultLevel: "highlights", communities: [] });
  });

  it("refuse an unknown value with a 400 naming the field", async () => {
    const response = await send(reader, { method: "PATCH", url: "/api/v1/me/notification-settings", payload: { email: "hourly" }, status: 400 });
    expect(JSON.stringify(response.json().error.details)).toContain("email");
    await send(reader, { method: "PATCH", url: "/api/v1/me/notification-settings", payload: {}, status: 400 });
  });

  it("set and forget a community's level for a member", async () => {
    const set = await send(reader, { method: "PUT", url: `/api/v1/communities/${club}/notification-level`, payload: { level: "all" }, status: 200 });
    expect(set.json().communities).toEqual([{ communityId: club, name: "Chess club", level: "all" }]);
    const reset = await send(reader, { method: "PUT", url: `/api/v1/communities/${club}/notification-level`, payload: { level: null }, status: 200 });
    expect(reset.json().communities).toEqual([]);
  });

  it("answer 403 for a community one sees without belonging, 404 for a secret one as for an unknown one", async () => {
    const stranger = await personBrowser(t);
    const forbidden = await send(stranger, { method: "PUT", url: `/api/v1/communities/${club}/notification-level`, payload: { level: "all" }, status: 403 });
    expect(forbidden.json().error.code).toBe("forbidden");
    const secret = (await createThrough(owner, { name: `Hidden ${newId().slice(-6)}`, visibility: "secret" })).id;
    const hidden = await send(stranger, { method: "PUT", url: `/api/v1/communities/${secret}/notification-level`, payload: { level: "all" }, status: 404 });
    const unknown = await send(stranger, { method: "PUT", url: `/api/v1/communities/${UNKNOWN_ID}/notification-level`, payload: { level: "all" }, status: 404 });
    expect(hidden.body).toBe(unknown.body);
  });

  it("refuse a level that does not exist, naming the field", async () => {
    const response = await send(reader, { method: "PUT", url: `/api/v1/communities/${club}/notification-level`, payload: { level: "loud" }, status: 400 });
    expect(JSON.stringify(response.json().error.details)).toContain("level");
  });
});

describe("excerpts", () => {
  it("keep the first ~140 characters of the text, cut at a word", () => {
    const long = `<p>${"word ".repeat(60)}</p>`;
    const excerpt = excerptOf(long);
    expect(excerpt.length).toBeLessThanOrEqual(141);
    expect(excerpt.endsWith("word…")).toBe(true);
    expect(excerptOf("<p>Tom &amp; <strong>Jerry</strong></p><p>again</p>")).toBe("Tom & Jerry again");
  });
});
