import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { makeImage, multipartFile } from "../../../test/uploads.ts";
import { newId } from "../../platform/ids.ts";
import { canSeePerson, visiblePeople, type Viewer } from "./policy.ts";

let t: TestContext;
let guest: Browser;
let manager: { id: string };
let colleague: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  manager = await buildUser(t.db, { display_name: "Maud Manager" });
  colleague = await signIn(t.app, t.db, (await buildUser(t.db, { display_name: "Colin Colleague" })).id);
  // A guest whose profile names a manager (set by an admin) and who manages someone: neither is shown to them.
  const guestUser = await buildUser(t.db, { role: "guest", display_name: "Gaspard Guest", manager_id: manager.id });
  await buildUser(t.db, { display_name: "Rita Report", manager_id: guestUser.id });
  guest = await signIn(t.app, t.db, guestUser.id);
  await colleague.inject({ method: "PUT", url: "/api/v1/me/avatar", ...multipartFile(await makeImage("png")) });
});
afterAll(() => t.close());

describe("what a guest sees of people", () => {
  it("finds only themself in the directory", async () => {
    const page = (await guest.inject({ method: "GET", url: "/api/v1/people" })).json();
    expect(page.items.map((person: { id: string }) => person.id)).toEqual([guest.userId]);
    const searched = (await guest.inject({ method: "GET", url: "/api/v1/people?q=colin" })).json();
    expect(searched.items).toEqual([]);
  });

  it("gets 404 on anyone else's profile, as for an unknown person", async () => {
    const hidden = await guest.inject({ method: "GET", url: `/api/v1/people/${colleague.userId}` });
    const unknown = await guest.inject({ method: "GET", url: "/api/v1/people/0190f5c2-0000-7000-8000-000000000000" });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(unknown.json());
  });

  it("gets 404 on anyone else's avatar", async () => {
    const response = await guest.inject({ method: "GET", url: `/api/v1/people/${colleague.userId}/avatar` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("user_not_found");
    const seenByColleague = await colleague.inject({ method: "GET", url: `/api/v1/people/${colleague.userId}/avatar` });
    expect(seenByColleague.statusCode).toBe(200);
  });

  it("sees their own profile without the manager and reports they may not see", async () => {
    const own = (await guest.inject({ method: "GET", url: `/api/v1/people/${guest.userId}` })).json();
    expect(own.manager).toBeNull();
    expect(own.directReports).toEqual([]);
    const me = (await guest.inject({ method: "GET", url: "/api/v1/me" })).json();
    expect(me.manager).toBeNull();
    expect(me.directReports).toEqual([]);
  });

  it("cannot probe for people by naming them as manager", async () => {
    const response = await guest.inject({ method: "PATCH", url: "/api/v1/me", payload: { managerId: manager.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("managerId");
  });

  it("is seen by members like anyone else", async () => {
    const response = await colleague.inject({ method: "GET", url: `/api/v1/people/${guest.userId}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: "guest", manager: { id: manager.id } });
  });
});

describe("what a guest sees of people in their communities", () => {
  it("sees a co-member of their external community, and still nobody else", async () => {
    const partner = await buildUser(t.db, { display_name: "Paula Partner" });
    const community = newId();
    await t.db.insertInto("communities").values({ id: community, kind: "external", visibility: "secret", name: "Client project" }).execute();
    await t.db
      .insertInto("community_members")
      .values([
        { community_id: community, user_id: partner.id, role: "owner" },
        { community_id: community, user_id: guest.userId, role: "member" },
      ])
      .execute();
    const page = (await guest.inject({ method: "GET", url: "/api/v1/people" })).json();
    expect(page.items.map((person: { id: string }) => person.id).sort()).toEqual([guest.userId, partner.id].sort());
    expect((await guest.inject({ method: "GET", url: `/api/v1/people/${partner.id}` })).statusCode).toBe(200);
    expect((await guest.inject({ method: "GET", url: `/api/v1/people/${colleague.userId}` })).statusCode).toBe(404);
  });
});

describe("the people policy", () => {
  it("answers one lookup exactly as the list filter does, for every viewer and person", async () => {
    const gone = await buildUser(t.db, { status: "deactivated", deactivated_at: new Date() });
    const admin = await buildUser(t.db, { role: "admin" });
    const people = await t.db.selectFrom("users").select(["id", "role"]).execute();
    const viewers: Viewer[] = [...people, { id: gone.id, role: "member" }, { id: admin.id, role: "admin" }];
    for (const viewer of viewers) {
      const listed = await t.db.selectFrom("users").select("users.id").where(visiblePeople(viewer)).execute();
      const visible = new Set(listed.map((row) => row.id));
      for (const person of people) expect(await canSeePerson(t.db, viewer, person.id)).toBe(visible.has(person.id));
    }
  });
});
