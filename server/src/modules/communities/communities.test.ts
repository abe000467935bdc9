import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { createThrough, listedIds, UNKNOWN_ID } from "./testing.ts";

let t: TestContext;
let admin: Browser;
let member: Browser;
let outsider: Browser;
let guest: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin" })).id);
  member = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  outsider = await signIn(t.app, t.db, (await buildUser(t.db)).id);
  guest = await signIn(t.app, t.db, (await buildUser(t.db, { role: "guest" })).id);
});
afterAll(() => t.close());

async function eventCount(type: string): Promise<number> {
  const rows = await t.db.selectFrom("events").select("id").where("type", "=", type).execute();
  return rows.length;
}

describe("creating a community", () => {
  it.each(["interest", "profession", "project"])("lets a member create a %s community, as its owner", async (kind) => {
    const before = await eventCount("community.created");
    const community = await createThrough(member, { kind, name: `Les ${kind}` });
    expect(community).toMatchObject({ kind, myRole: "owner", memberCount: 1, external: false, archivedAt: null });
    expect(await eventCount("community.created")).toBe(before + 1);
  });

  it.each(["company", "external"])("refuses a member a %s community, and writes nothing", async (kind) => {
    const before = await t.db.selectFrom("communities").select("id").execute();
    const response = await member.inject({ method: "POST", url: "/api/v1/communities", payload: { kind, visibility: "public", name: "Nope" } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("community_kind_not_allowed");
    expect(await t.db.selectFrom("communities").select("id").execute()).toHaveLength(before.length);
  });

  it("lets an admin create an external community, marked external", async () => {
    const community = await createThrough(admin, { kind: "external", visibility: "secret", name: "Client Acme" });
    expect(community).toMatchObject({ kind: "external", external: true, myRole: "owner" });
  });

  it("refuses a guest any community", async () => {
    const response = await guest.inject({ method: "POST", url: "/api/v1/communities", payload: { kind: "interest", visibility: "public", name: "Mine" } });
    expect(response.statusCode).toBe(403);
  });

  it("keeps project dates, and refuses an end before the start naming endsOn", async () => {
    const ok = await createThrough(member, { kind: "project", name: "Launch", startsOn: "2026-01-05", endsOn: "2026-03-31" });
    expect(ok).toMatchObject({ startsOn: "2026-01-05", endsOn: "2026-03-31" });
    const response = await member.inject({
      method: "POST",
      url: "/api/v1/communities",
      payload: { kind: "project", visibility: "public", name: "Backwards", startsOn: "2026-03-01", endsOn: "2026-02-01" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("endsOn");
    expect(await t.db.selectFrom("communities").select("id").where("name", "=", "Backwards").execute()).toEqual([]);
  });

  it.each([
    [{ kind: "interest", visibility: "public", name: "Dated", startsOn: "2026-01-01" }, "startsOn"],
    [{ kind: "project", visibility: "public", name: "Leap", endsOn: "2026-02-30" }, "endsOn"],
    [{ kind: "interest", visibility: "public", name: "" }, "name"],
    [{ kind: "club", visibility: "public", name: "Club" }, "kind"],
    [{ kind: "interest", visibility: "public", name: "Extra", colour: "red" }, "colour"],
  ])("refuses %j naming %s, and writes nothing", async (payload, field) => {
    const before = await t.db.selectFrom("communities").select("id").execute();
    const response = await member.inject({ method: "POST", url: "/api/v1/communities", payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(await t.db.selectFrom("communities").select("id").execute()).toHaveLength(before.length);
  });
});

describe("the company community", () => {
  it("exists from the start, and every member and admin belongs to it", async () => {
    const [mine] = (await member.inject({ method: "GET", url: "/api/v1/communities?kind=company" })).json().items;
    expect(mine).toMatchObject({ kind: "company", visibility: "public", myRole: "member" });
    const [adminView] = (await admin.inject({ method: "GET", url: "/api/v1/communities?kind=company&mine=true" })).json().items;
    expect(adminView.id).toBe(mine.id);
  });

  it("is invisible to guests", async () => {
    const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
    expect(await listedIds(guest)).not.toContain(company.id);
    expect((await guest.inject({ method: "GET", url: `/api/v1/communities/${company.id}` })).statusCode).toBe(404);
  });
});

describe("who sees which community", () => {
  let open: string;
  let closed: string;
  let secret: string;
  let external: string;

  beforeAll(async () => {
    open = (await createThrough(member, { name: "Running club", visibility: "public" })).id;
    closed = (await createThrough(member, { name: "Board", visibility: "closed", description: "Decisions" })).id;
    secret = (await createThrough(member, { name: "Merger", visibility: "secret" })).id;
    external = (await createThrough(admin, { kind: "external", name: "Partner space", visibility: "closed" })).id;
    await t.db.insertInto("community_members").values({ community_id: external, user_id: guest.userId, role: "member" }).execute();
  });

  it("lists public and closed ones to a non-member, never a secret one", async () => {
    const ids = await listedIds(outsider);
    expect(ids).toEqual(expect.arrayContaining([open, closed]));
    expect(ids).not.toContain(secret);
  });

  it("shows a closed community's name and description to a non-member, not its size", async () => {
    const response = await outsider.inject({ method: "GET", url: `/api/v1/communities/${closed}` });
    expect(response.json()).toMatchObject({ name: "Board", description: "Decisions", myRole: null, memberCount: null });
  });

  it("answers a secret community's id exactly as a missing one", async () => {
    const hidden = await outsider.inject({ method: "GET", url: `/api/v1/communities/${secret}` });
    const missing = await outsider.inject({ method: "GET", url: `/api/v1/communities/${UNKNOWN_ID}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    expect(hidden.json().error.code).toBe("community_not_found");
  });

  it("never reveals a secret community through searches, page sizes or cursors", async () => {
    expect(await listedIds(outsider, "&q=merger")).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page = (await outsider.inject({ method: "GET", url: `/api/v1/communities?limit=1${query}` })).json();
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await listedIds(outsider));
    expect(seen).not.toContain(secret);
  });

  it("lists a secret community to its members and to admins", async () => {
    expect(await listedIds(member, "&mine=true")).toContain(secret);
    expect(await listedIds(admin)).toContain(secret);
  });

  it("shows a guest only the external communities they belong to", async () => {
    expect(await listedIds(guest)).toEqual([external]);
    for (const id of [open, closed, secret]) {
      expect((await guest.inject({ method: "GET", url: `/api/v1/communities/${id}` })).statusCode).toBe(404);
    }
  });

  it("marks a community external to every member once a guest belongs to it", async () => {
    await t.db.insertInto("community_members").values({ community_id: open, user_id: guest.userId, role: "member" }).execute();
    const seen = (await outsider.inject({ method: "GET", url: `/api/v1/communities/${open}` })).json();
    expect(seen.external).toBe(true);
    await t.db.deleteFrom("community_members").where("community_id", "=", open).where("user_id", "=", guest.userId).execute();
  });

  it("finds communities by name or description, ignoring case and accents", async () => {
    await createThrough(member, { name: "Équipe vélo", description: "Sorties du dimanche" });
    expect((await member.inject({ method: "GET", url: "/api/v1/communities?q=equipe" })).json().items).toHaveLength(1);
    expect((await member.inject({ method: "GET", url: "/api/v1/communities?q=DIMANCHE" })).json().items).toHaveLength(1);
  });

  it("refuses a cursor it did not give out, naming cursor", async () => {
    const response = await member.inject({ method: "GET", url: "/api/v1/communities?cursor=nonsense" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("cursor");
  });
});
