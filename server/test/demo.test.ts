import type { CommunitiesPage, PostsPage } from "@ruche/contracts";
import { sql, type RawBuilder } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoRefused } from "../src/demo/refusal.ts";
import { seedDemo, type DemoSummary } from "../src/demo/seed.ts";
import { Timeline } from "../src/demo/timeline.ts";
import { createTestContext, type TestContext } from "./context.ts";
import { signIn } from "./factories.ts";

// `ruche demo`: a French-speaking organisation seeded into an empty network, through the rules
// and renderer the product uses. The command itself is run as a process in cli.test.ts.

let t: TestContext;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  summary = await seedDemo(t.db);
});
afterAll(() => t.close());

async function idOf(email: string): Promise<string> {
  const row = await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

/** The `n` a counting query answers. */
async function count(query: RawBuilder<{ n: number }>): Promise<number> {
  const { rows } = await query.execute(t.db);
  return Number(rows[0]?.n ?? 0);
}

describe("the demo organisation", () => {
  it("is named, in French and on Paris time, with an administrator who signs in with the demo password", async () => {
    const organisation = await t.db.selectFrom("organisation").select(["name", "default_language", "default_timezone"]).executeTakeFirstOrThrow();
    expect(organisation).toEqual({ name: "Ateliers Fontaine & Fils", default_language: "fr", default_timezone: "Europe/Paris" });
    expect(summary.admin.created).toBe(true);
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: summary.admin.email, password: summary.password } });
    expect(login.statusCode).toBe(200);
    const me = await t.db.selectFrom("users").select("role").where("email", "=", summary.admin.email).executeTakeFirstOrThrow();
    expect(me.role).toBe("admin");
  });

  it("has sixty people in departments and sites, with skills, under one org chart", async () => {
    const people = await t.db.selectFrom("users").select(["id", "manager_id", "department", "location", "skills", "job_title"]).where("role", "=", "member").execute();
    expect(people).toHaveLength(60);
    expect(new Set(people.map((person) => person.department)).size).toBeGreaterThanOrEqual(7);
    expect([...new Set(people.map((person) => person.location))]).toEqual(expect.arrayContaining(["Lyon", "Nantes", "Paris"]));
    expect(people.every((person) => person.skills.length > 0 && person.job_title)).toBe(true);
    const managerOf = new Map(people.map((person) => [person.id, person.manager_id]));
    const tops = people.filter((person) => person.manager_id === null);
    expect(tops).toHaveLength(1);
    for (const person of people) {
      const chain = new Set<string>();
      let current: string | null | undefined = person.id;
      while (current) {
        expect(chain.has(current)).toBe(false);
        chain.add(current);
        current = managerOf.get(current);
      }
      expect(chain.has(tops[0]?.id ?? "")).toBe(true);
    }
  });

  it("holds communities of every kind and visibility, an archived finished project and a charter in force", async () => {
    const communities = await t.db.selectFrom("communities").select(["kind", "visibility", "archived_at", "ends_on", "charter_version"]).execute();
    expect(new Set(communities.map((community) => community.kind))).toEqual(new Set(["company", "interest", "profession", "project", "external"]));
    expect(new Set(communities.map((community) => community.visibility))).toEqual(new Set(["public", "closed", "secret"]));
    const archived = communities.filter((community) => community.archived_at !== null);
    expect(archived).toHaveLength(1);
    expect(archived[0]?.kind).toBe("project");
    expect(archived[0]?.ends_on?.getTime()).toBeLessThan(Date.now());
    expect(communities.find((community) => community.kind === "external")?.charter_version).toBe(1);
    const owners = await count(sql<{ n: number }>`select count(distinct community_id) as n from community_members where role = 'owner'`);
    expect(owners).toBe(communities.length - 1);
  });

  it("lets the partner's two guests into the external community only, and shows them nothing else", async () => {
    const guests = await t.db.selectFrom("users").select(["id", "email"]).where("role", "=", "guest").execute();
    expect(guests).toHaveLength(2);
    expect(guests.every((guest) => guest.email.endsWith("@transports-martin.example"))).toBe(true);
    const theirCommunities = await t.db
      .selectFrom("community_members")
      .innerJoin("communities", "communities.id", "community_members.community_id")
      .select("communities.kind")
      .where("community_members.user_id", "in", guests.map((guest) => guest.id))
      .execute();
    expect(theirCommunities.map((row) => row.kind)).toEqual(["external", "external"]);
    const guest = await signIn(t.app, t.db, await idOf(summary.guest));
    const visible = (await guest.inject({ method: "GET", url: "/api/v1/communities" })).json<CommunitiesPage>();
    expect(visible.items.map((community) => community.name)).toEqual(["Partenaires — Transports Martin"]);
  });

  it("writes posts whose mentions link to real people and whose topics are real topics", async () => {
    const mentions = await t.db.selectFrom("post_mentions").select(["post_id", "user_id"]).execute();
    expect(mentions.length).toBeGreaterThan(20);
    const posts = await t.db.selectFrom("posts").select(["id", "body", "body_html"]).execute();
    for (const mention of mentions) {
      const post = posts.find((candidate) => candidate.id === mention.post_id);
      expect(post?.body).toContain(`(mention:${mention.user_id})`);
      expect(post?.body_html).toMatch(new RegExp(`<a class="mention"[^>]* href="/people/${mention.user_id}"[^>]*>@\\p{Lu}`, "u"));
    }
    expect(posts.some((post) => post.body.includes("{@"))).toBe(false);
    const topics = await t.db.selectFrom("topics").innerJoin("post_topics", "post_topics.topic_id", "topics.id").select("topics.slug").distinct().execute();
    expect(topics.map((topic) => topic.slug)).toEqual(expect.arrayContaining(["securite", "teletravail", "rse"]));
    expect(await count(sql<{ n: number }>`select count(*) as n from comment_mentions`)).toBeGreaterThan(0);
  });

  it("spreads the stream over the last weeks, never in the future", async () => {
    const { rows } = await sql<{ first: Date; last: Date }>`select min(created_at) as first, max(created_at) as last from posts`.execute(t.db);
    const span = rows[0];
    expect(span && span.last.getTime()).toBeLessThan(Date.now());
    expect(span && (span.last.getTime() - span.first.getTime()) / 86_400_000).toBeGreaterThan(28);
    expect(await count(sql<{ n: number }>`select count(*) as n from comments c join posts p on p.id = c.post_id where c.created_at <= p.created_at`)).toBe(0);
  });

  it("keeps every count in step with the rows it counts", async () => {
    expect(summary).toMatchObject({ posts: await count(sql<{ n: number }>`select count(*) as n from posts`) });
    expect(summary.comments).toBe(await count(sql<{ n: number }>`select count(*) as n from comments`));
    expect(await count(sql<{ n: number }>`select count(*) as n from posts where comment_count <> (select count(*) from comments where post_id = posts.id)`)).toBe(0);
    const reactionDrift = sql<{ n: number }>`select count(*) as n from (
      select id, key, value::int as kept from posts, jsonb_each_text(reaction_counts)
      union all select id, key, value::int from comments, jsonb_each_text(reaction_counts)) as kept
      where kept <> (select count(*) from post_reactions where post_id = kept.id and kind = kept.key)
        + (select count(*) from comment_reactions where comment_id = kept.id and kind = kept.key)`;
    expect(await count(reactionDrift)).toBe(0);
    const reactions = await count(sql<{ n: number }>`select (select count(*) from post_reactions) + (select count(*) from comment_reactions) as n`);
    expect(reactions).toBe(summary.reactions);
    expect(await count(sql<{ n: number }>`select count(*) as n from poll_options where vote_count <> (select count(*) from poll_votes where option_id = poll_options.id)`)).toBe(0);
  });

  it("has only members of a community (who accepted its charter) post, comment, react and vote there", async () => {
    const outsiders = sql<{ n: number }>`
      with acts as (
        select p.community_id, p.author_id as user_id from posts p
        union all select p.community_id, c.author_id from comments c join posts p on p.id = c.post_id
        union all select p.community_id, r.user_id from post_reactions r join posts p on p.id = r.post_id
        union all select p.community_id, r.user_id from comment_reactions r join comments c on c.id = r.comment_id join posts p on p.id = c.post_id
        union all select p.community_id, v.user_id from poll_votes v join posts p on p.id = v.post_id)
      select count(*) as n from acts join communities k on k.id = acts.community_id join users u on u.id = acts.user_id
      where (not (k.kind = 'company' and u.role <> 'guest')
          and not exists (select 1 from community_members m where m.community_id = k.id and m.user_id = u.id))
        or (k.charter_version is not null and not exists (
          select 1 from charter_acceptances a where a.community_id = k.id and a.user_id = u.id and a.version = k.charter_version))`;
    expect(await count(outsiders)).toBe(0);
  });

  it("greets a member with a living home feed, a must-read announcement to acknowledge and an open poll", async () => {
    expect(await count(sql<{ n: number }>`select count(*) as n from announcement_acks`)).toBeGreaterThan(20);
    const { rows } = await sql<{ id: string }>`
      select u.id from users u where u.role = 'member'
        and not exists (select 1 from announcement_acks a where a.user_id = u.id)
        and not exists (select 1 from posts p where p.author_id = u.id and p.announcement)
      order by u.email limit 1`.execute(t.db);
    const member = await signIn(t.app, t.db, rows[0]?.id ?? "");
    const feed = (await member.inject({ method: "GET", url: "/api/v1/feed?limit=50" })).json<PostsPage>();
    expect(feed.items.length).toBeGreaterThan(15);
    expect(feed.items.some((post) => post.poll !== null && !post.poll.closed)).toBe(true);
    const announcements = (await member.inject({ method: "GET", url: "/api/v1/feed/announcements" })).json<PostsPage>();
    expect(announcements.items.map((post) => post.announcement?.mustRead)).toEqual([true]);
  });

  it("refuses a second run without --force, naming what is there, and writes nothing", async () => {
    const before = await count(sql<{ n: number }>`select count(*) as n from posts`);
    await expect(seedDemo(t.db)).rejects.toThrow(DemoRefused);
    await expect(seedDemo(t.db)).rejects.toThrow(/already holds content \(\d+ posts, 10 communities besides the company one, 62 people besides administrators\)/);
    expect(await count(sql<{ n: number }>`select count(*) as n from posts`)).toBe(before);
  });

  it("adds the story again with --force, reusing the people it already made", async () => {
    const people = await count(sql<{ n: number }>`select count(*) as n from users`);
    const again = await seedDemo(t.db, { force: true });
    expect(again.admin).toEqual({ email: summary.admin.email, created: false });
    expect(await count(sql<{ n: number }>`select count(*) as n from users`)).toBe(people);
    expect(await count(sql<{ n: number }>`select count(*) as n from posts`)).toBe(summary.posts * 2);
  });
});

describe("the demo's timeline", () => {
  it("dates the script in Paris wall-clock time, summer and winter alike, and never after now", () => {
    const summer = new Timeline(new Date("2025-07-10T12:00:00Z"), "Europe/Paris");
    expect(summer.at(2, "09:30").toISOString()).toBe("2025-07-08T07:30:00.000Z");
    const winter = new Timeline(new Date("2025-01-10T12:00:00Z"), "Europe/Paris");
    expect(winter.at(2, "09:30").toISOString()).toBe("2025-01-08T08:30:00.000Z");
    expect(winter.at(0, "18:00").toISOString()).toBe("2025-01-10T11:59:00.000Z");
    expect(winter.day(-12)).toBe("2024-12-29");
    expect(winter.dayAfter("2024-12-29").toISOString()).toBe("2024-12-29T23:05:00.000Z");
  });
});
