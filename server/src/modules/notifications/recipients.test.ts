import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser } from "../../../test/factories.ts";
import { newId } from "../../platform/ids.ts";
import type { CommunityKind, CommunityVisibility, NetworkRole } from "../../platform/schema.ts";
import { readableCommunities } from "../communities/policy.ts";
import { readsCommunity } from "./recipients.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

it("chooses recipients who read a community exactly as the communities policy lets each of them read it", async () => {
  const communities: string[] = [];
  const shapes: [CommunityKind, CommunityVisibility][] = [
    ["interest", "public"],
    ["interest", "closed"],
    ["interest", "secret"],
    ["external", "secret"],
    ["external", "closed"],
  ];
  for (const [kind, visibility] of shapes) {
    for (const deleted of [false, true]) {
      const id = newId();
      await t.db.insertInto("communities").values({ id, kind, visibility, name: `${kind} ${visibility} ${id.slice(-6)}`, deleted_at: deleted ? new Date() : null }).execute();
      communities.push(id);
    }
  }
  const company = await t.db.selectFrom("communities").select("id").where("kind", "=", "company").executeTakeFirstOrThrow();
  communities.push(company.id);
  const people: { id: string; role: NetworkRole }[] = [];
  for (const role of ["admin", "member", "guest"] as const) {
    for (const joins of [[], communities.filter((_, index) => index % 2 === 0), communities]) {
      const person = await buildUser(t.db, { role });
      for (const communityId of joins.filter((id) => id !== company.id)) {
        await t.db.insertInto("community_members").values({ community_id: communityId, user_id: person.id, role: "member" }).execute();
      }
      people.push(person);
    }
  }
  for (const person of people) {
    const byPolicy = await t.db.selectFrom("communities").select("id").where(readableCommunities(person)).where("id", "in", communities).orderBy("id").execute();
    const { rows: bySet } = await sql<{ id: string }>`
      select c.id from communities c, users where users.id = ${person.id} and c.id = any(${communities}::uuid[]) and ${readsCommunity} order by c.id
    `.execute(t.db);
    expect(bySet.map((row) => row.id), `${person.role} ${person.id}`).toEqual(byPolicy.map((row) => row.id));
  }
});
