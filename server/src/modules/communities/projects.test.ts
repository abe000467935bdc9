import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { archiveEndedProjects } from "./projects.ts";
import { createThrough } from "./testing.ts";

let t: TestContext;
let owner: Browser;

beforeAll(async () => {
  // Workers on: the scheduled job runs in this context too.
  t = await createTestContext();
  owner = await signIn(t.app, t.db, (await buildUser(t.db)).id);
});
afterAll(() => t.close());

/** 10 March 2031, noon UTC (1 pm in Paris, the organisation's default time zone). */
const NOW = new Date("2031-03-10T12:00:00Z");

async function project(name: string, endsOn: string | null): Promise<string> {
  return (await createThrough(owner, { name, kind: "project", endsOn })).id;
}

async function archivedAt(id: string): Promise<Date | null> {
  const row = await t.db.selectFrom("communities").select("archived_at").where("id", "=", id).executeTakeFirstOrThrow();
  return row.archived_at;
}

async function setOrganisationTimeZone(zone: string): Promise<void> {
  await t.db.updateTable("organisation").set({ default_timezone: zone }).execute();
}

describe("archiving ended projects", () => {
  it("archives a project whose end day has passed, with an event giving the reason", async () => {
    const id = await project("Migration 2031", "2031-03-09");
    expect(await archiveEndedProjects(t.db, NOW)).toContain(id);
    expect(await archivedAt(id)).toEqual(NOW);
    const events = await t.db.selectFrom("events").select(["actor_id", "payload"]).where("type", "=", "community.archived").where("subject_id", "=", id).execute();
    expect(events).toEqual([{ actor_id: null, payload: { reason: "ended" } }]);
    const response = await owner.inject({ method: "GET", url: `/api/v1/communities/${id}` });
    expect(response.json()).toMatchObject({ archivedAt: NOW.toISOString(), canPost: false });
  });

  it("leaves open a project that ends today, one that ends later and one with no end", async () => {
    const ids = [await project("Launch", "2031-03-10"), await project("Roadmap", "2031-09-30"), await project("Ongoing", null)];
    const archived = await archiveEndedProjects(t.db, NOW);
    for (const id of ids) {
      expect(archived).not.toContain(id);
      expect(await archivedAt(id)).toBeNull();
    }
  });

  it("leaves an already archived project as it was, without a second event", async () => {
    const id = await project("Done early", "2031-02-01");
    await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/archive` });
    const before = await archivedAt(id);
    expect(await archiveEndedProjects(t.db, NOW)).not.toContain(id);
    expect(await archivedAt(id)).toEqual(before);
    const events = await t.db.selectFrom("events").select("actor_id").where("type", "=", "community.archived").where("subject_id", "=", id).execute();
    expect(events).toEqual([{ actor_id: owner.userId }]);
  });

  it("leaves a deleted project alone", async () => {
    const id = await project("Cancelled", "2031-02-01");
    await owner.inject({ method: "DELETE", url: `/api/v1/communities/${id}` });
    expect(await archiveEndedProjects(t.db, NOW)).not.toContain(id);
    expect(await archivedAt(id)).toBeNull();
  });

  it("archives nothing more when run again", async () => {
    await project("Sprint 12", "2031-03-01");
    expect((await archiveEndedProjects(t.db, NOW)).length).toBeGreaterThan(0);
    expect(await archiveEndedProjects(t.db, NOW)).toEqual([]);
  });

  it("leaves an ended project its managers unarchived open, until it has a new end date that passes", async () => {
    const id = await project("Wrap-up", "2031-03-05");
    expect(await archiveEndedProjects(t.db, NOW)).toContain(id);
    expect((await owner.inject({ method: "POST", url: `/api/v1/communities/${id}/unarchive` })).statusCode).toBe(200);
    expect(await archiveEndedProjects(t.db, NOW)).not.toContain(id);
    expect(await archivedAt(id)).toBeNull();

    const moved = await owner.inject({ method: "PATCH", url: `/api/v1/communities/${id}`, payload: { endsOn: "2031-03-20" } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await archiveEndedProjects(t.db, NOW)).not.toContain(id);
    const later = new Date("2031-03-21T12:00:00Z");
    expect(await archiveEndedProjects(t.db, later)).toContain(id);
    expect(await archivedAt(id)).toEqual(later);
  });

  it("judges the end day in the organisation's time zone", async () => {
    const id = await project("Quarter close", "2031-03-10");
    // 22:30 UTC is 23:30 in Paris: still the end day.
    expect(await archiveEndedProjects(t.db, new Date("2031-03-10T22:30:00Z"))).not.toContain(id);
    // 23:30 UTC is already 00:30 on the 11th in Paris.
    expect(await archiveEndedProjects(t.db, new Date("2031-03-10T23:30:00Z"))).toContain(id);
  });

  it("waits for midnight west of Greenwich when the organisation is there", async () => {
    const id = await project("Audit", "2031-03-10");
    await setOrganisationTimeZone("America/New_York");
    try {
      // 03:00 UTC on the 11th is still 23:00 on the 10th in New York.
      expect(await archiveEndedProjects(t.db, new Date("2031-03-11T03:00:00Z"))).not.toContain(id);
      expect(await archiveEndedProjects(t.db, new Date("2031-03-11T05:00:00Z"))).toContain(id);
    } finally {
      await setOrganisationTimeZone("Europe/Paris");
    }
  });
});

describe("the scheduled job", () => {
  it("is scheduled every hour", async () => {
    const { rows } = await sql<{ cron: string }>`select cron from pgboss.schedule where name = 'communities.archive_ended_projects'`.execute(t.db);
    expect(rows).toEqual([{ cron: "0 * * * *" }]);
  });

  it("archives ended projects when it runs", async () => {
    const id = await project("Legacy rollout", "2020-01-31");
    await t.runtime.jobs.send("communities.archive_ended_projects", {});
    await eventually(async () => ((await archivedAt(id)) ? true : undefined));
  });
});
