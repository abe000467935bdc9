import type { Db, Tx } from "../platform/db.ts";
import { appendEvent } from "../platform/outbox.ts";
import { hashPassword } from "../platform/passwords.ts";
import { lockOrganisation, updateOrganisationSettings } from "../modules/accounts/repository.ts";
import { COMMUNITIES } from "./communities.ts";
import { DEMO_ORGANISATION, DEMO_PASSWORD } from "./organisation.ts";
import { refuseIfNotEmpty } from "./refusal.ts";
import { countContent } from "./repository.ts";
import { closeEndedProjects, seedCommunities } from "./seed-communities.ts";
import { seedPeople, type Cast } from "./seed-people.ts";
import { seedStream } from "./seed-stream.ts";
import { Timeline } from "./timeline.ts";

export interface DemoOptions {
  /** Seed even though the network already holds content. */
  force?: boolean;
  /** The moment the story is told from (default: now); tests pin it. */
  now?: Date;
}

/** What the demo wrote, and how to sign in to see it. */
export interface DemoSummary {
  organisation: string;
  password: string;
  admin: { email: string; created: boolean };
  member: string;
  guest: string;
  people: number;
  guests: number;
  communities: number;
  posts: number;
  comments: number;
  reactions: number;
}

/** Names the organisation, in French and on Paris time, as its first-run setup would have. */
async function nameOrganisation(tx: Tx, cast: Cast): Promise<void> {
  await updateOrganisationSettings(tx, { name: DEMO_ORGANISATION.name, defaultLanguage: DEMO_ORGANISATION.language, defaultTimezone: DEMO_ORGANISATION.timezone });
  await appendEvent(tx, { type: "organisation.updated", actorId: cast.admin.id, payload: { fields: ["defaultLanguage", "defaultTimezone", "name"] } });
}

/**
 * Seeds a small French-speaking organisation into the network: people in an org chart,
 * communities of every kind and visibility, and a few weeks of posts, comments, reactions, an
 * announcement and a poll. All in one transaction, so a refusal or a failure leaves nothing
 * behind; the organisation's lock keeps a concurrent first-run setup or second demo out.
 *
 * @example
 *   const summary = await seedDemo(db);            // refuses a network that holds content
 *   await seedDemo(db, { force: true });           // adds the demo anyway
 */
export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const timeline = new Timeline(options.now ?? new Date(), DEMO_ORGANISATION.timezone);
  return db.transaction().execute(async (tx) => {
    await lockOrganisation(tx);
    if (!options.force) refuseIfNotEmpty(await countContent(tx));
    const cast = await seedPeople(tx, { timeline, passwordHash });
    await nameOrganisation(tx, cast);
    const communities = await seedCommunities(tx, { timeline, cast });
    const stream = await seedStream(tx, { timeline, cast, communities });
    await closeEndedProjects(tx, { timeline, communities });
    const summary: DemoSummary = {
      organisation: DEMO_ORGANISATION.name,
      password: DEMO_PASSWORD,
      admin: { email: cast.admin.email, created: cast.adminCreated },
      member: cast.person("helene.fontaine").email,
      guest: cast.person("sebastien.martin").email,
      people: cast.employees.length + (cast.adminCreated ? 1 : 0),
      guests: cast.guests.length,
      communities: COMMUNITIES.length + 1,
      ...stream,
    };
    const { people, guests, posts, comments, reactions } = summary;
    await appendEvent(tx, { type: "demo.seeded", actorId: cast.admin.id, payload: { people, guests, communities: summary.communities, posts, comments, reactions } });
    return summary;
  });
}

/** The command's closing words: what was seeded and how to sign in. */
export function describeDemo(summary: DemoSummary): string {
  const admin = summary.admin.created
    ? `  administrator: ${summary.admin.email}`
    : `  administrator: ${summary.admin.email} (yours, with the password it already had)`;
  return [
    `Seeded the demo organisation "${summary.organisation}": ${summary.people} people and ${summary.guests} guests, ` +
      `${summary.communities} communities, ${summary.posts} posts, ${summary.comments} comments and ${summary.reactions} reactions.`,
    `Every demo account signs in with the password: ${summary.password}`,
    admin,
    `  member:        ${summary.member}`,
    `  guest:         ${summary.guest}`,
    "",
  ].join("\n");
}
