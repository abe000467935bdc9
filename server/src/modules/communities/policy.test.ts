import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import type { CommunityKind, CommunityVisibility } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { factsOf } from "./present.ts";
import { can, visibleCommunities } from "./policy.ts";
import { findVisibleCommunity } from "./repository.ts";

let t: TestContext;
const viewers: Viewer[] = [];

const KINDS: CommunityKind[] = ["company", "interest", "project", "external"];
const VISIBILITIES: CommunityVisibility[] = ["public", "closed", "secret"];

/** Every kind and visibility, deleted or not, with each viewer a member of some of them. */
async function seedCommunities(): Promise<void> {
  let index = 0;
  for (const kind of KINDS) {
    for (const visibility of VISIBILITIES) {
      for (const deleted of [false, true]) {
        const id = newId();
        await t.db
          .insertInto("communities")
          .values({ id, kind, visibility, name: `${kind} ${visibility}`, deleted_at: deleted ? new Date() : null })
          .execute();
        const memberOf = viewers.filter((_, position) => (Math.floor(index / 2) + position) % 2 === 0);
        for (const viewer of memberOf) await t.db.insertInto("community_members").values({ community_id: id, user_id: viewer.id, role: "member" }).execute();
        index += 1;
      }
    }
  }
}

beforeAll(async () => {
  t = await createTestContext({ work: false });
  for (const role of ["admin", "member", "member", "guest", "guest"] as const) viewers.push({ id: (await buildUser(t.db, { role })).id, role });
  await seedCommunities();
});
afterAll(() => t.close());

describe("the communities policy", () => {
  it("answers can(see) exactly as the list filter does, for every viewer and community", async () => {
    const all = await t.db.selectFrom("communities").select("id").execute();
    // Read every row as an admin (who sees them all), then ask the policy as each viewer.
    const reader: Viewer = { id: (await buildUser(t.db, { role: "admin" })).id, role: "admin" };
    for (const viewer of viewers) {
      const listed = await t.db.selectFrom("communities").select("communities.id").where(visibleCommunities(viewer)).execute();
      const visible = new Set(listed.map((row) => row.id));
      for (const { id } of all) {
        const row = await findVisibleCommunity(t.db, reader, id);
        if (!row) throw new Error(`community ${id} vanished`);
        const asViewer = { ...factsOf(row), explicitRole: (await roleRow(id, viewer.id)) ?? null };
        expect(can(viewer, "see", asViewer), `${viewer.role} on ${row.name}${row.deleted_at ? " (deleted)" : ""}`).toBe(visible.has(id));
      }
    }
  });

  it("never shows a guest anything but external communities", async () => {
    for (const viewer of viewers.filter((candidate) => candidate.role === "guest")) {
      const listed = await t.db.selectFrom("communities").select("kind").where(visibleCommunities(viewer)).execute();
      expect(listed.length).toBeGreaterThan(0);
      expect(new Set(listed.map((row) => row.kind))).toEqual(new Set(["external"]));
    }
  });
});

async function roleRow(communityId: string, userId: string) {
  const row = await t.db
    .selectFrom("community_members")
    .select("role")
    .where("community_id", "=", communityId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role;
}
