import type { Tx } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import type { NetworkRole, NewUser } from "../platform/schema.ts";
import { normaliseLanguages, normaliseSkills } from "../modules/people/profile-rules.ts";
import type { Viewer } from "../modules/people/policy.ts";
import { DEMO_ADMIN, demoEmail, demoPhone } from "./organisation.ts";
import { EMPLOYEES, GUESTS } from "./people.ts";
import { findFirstAdmin, findPeopleByEmail, insertPeople, type PersonRow } from "./repository.ts";
import { DemoRefused } from "./refusal.ts";
import { ADMIN, type PersonPlan } from "./script.ts";
import type { Timeline } from "./timeline.ts";

/** Someone the script names, as the services see them. */
export interface CastMember extends Viewer {
  key: string;
  displayName: string;
  email: string;
}

/** The people of the demo by their script key, the administrator under `ADMIN`. */
export class Cast {
  constructor(
    private readonly members: Map<string, CastMember>,
    /** Keys of the people the demo added (reused accounts included), administrator aside. */
    readonly employees: string[],
    readonly guests: string[],
    /** Whether the demo created the administrator (the network had none). */
    readonly adminCreated: boolean,
  ) {}

  person(key: string): CastMember {
    const member = this.members.get(key);
    if (!member) throw new Error(`The demo script names someone who is not in its cast: ${key}`);
    return member;
  }

  get admin(): CastMember {
    return this.person(ADMIN);
  }
}

// Accounts were opened six weeks before seeding, when the organisation adopted Ruche; the
// partner's guests arrived with the external community, a fortnight later.
const ACCOUNTS_OPENED_DAYS_AGO = 45;
const GUESTS_INVITED_DAYS_AGO = 30;

/** A new account's row: verified, and seen lately, since the demo network is a lively one. */
function personRow(input: { plan: PersonPlan; id: string; role: NetworkRole; managerId: string | null; index: number; timeline: Timeline; passwordHash: string }): NewUser {
  const { plan, timeline } = input;
  const openedDaysAgo = input.role === "guest" ? GUESTS_INVITED_DAYS_AGO : ACCOUNTS_OPENED_DAYS_AGO;
  const openedAt = timeline.at(openedDaysAgo, `08:${String(input.index % 60).padStart(2, "0")}`);
  return {
    id: input.id,
    email: demoEmail(plan.key, input.role === "guest"),
    role: input.role,
    password_hash: input.passwordHash,
    email_verified_at: openedAt,
    display_name: plan.name,
    job_title: plan.title,
    department: plan.department,
    location: plan.location,
    manager_id: input.managerId,
    phone: demoPhone(plan.location, input.index),
    bio: plan.bio ?? null,
    skills: normaliseSkills(plan.skills),
    languages: normaliseLanguages(plan.languages ?? ["Français"]),
    created_at: openedAt,
    last_seen_at: timeline.at(input.index % 4, "09:30"),
  };
}

/**
 * An account that already holds a demo address is reused as it is (a second `--force` run), as
 * long as it can play its part: active, a guest exactly when the part is a guest's, and an
 * administrator when the part is the administrator's.
 */
function checkReusable(existing: PersonRow, role: NetworkRole): void {
  const fits = role === "admin" ? existing.role === "admin" : (existing.role === "guest") === (role === "guest");
  if (existing.status !== "active" || !fits) {
    throw new DemoRefused(`${existing.email} already has an account that cannot take its part in the demo (${existing.status} ${existing.role}).`);
  }
}

/** A part of the script, with the account that plays it: found by its address, or to be created. */
interface Casting {
  plan: PersonPlan;
  role: NetworkRole;
  email: string;
  id: string;
  existing: PersonRow | undefined;
}

async function castParts(tx: Tx, parts: { plan: PersonPlan; role: NetworkRole }[]): Promise<Casting[]> {
  const addressed = parts.map((part) => ({ ...part, email: demoEmail(part.plan.key, part.role === "guest") }));
  const existing = new Map((await findPeopleByEmail(tx, addressed.map((part) => part.email))).map((row) => [row.email, row]));
  return addressed.map((part) => {
    const found = existing.get(part.email);
    if (found) checkReusable(found, part.role);
    return { ...part, id: found?.id ?? newId(), existing: found };
  });
}

/**
 * Adds the demo's people: the administrator when the network has none (an existing one is kept
 * as they are), sixty employees in an org chart, and the partner's two guests. All share one
 * password hash: hashing it sixty times would only make the demo slow.
 */
export async function seedPeople(tx: Tx, input: { timeline: Timeline; passwordHash: string }): Promise<Cast> {
  const existingAdmin = await findFirstAdmin(tx);
  const castings = await castParts(tx, [
    ...(existingAdmin ? [] : [{ plan: DEMO_ADMIN, role: "admin" as const }]),
    ...EMPLOYEES.map((plan) => ({ plan, role: "member" as const })),
    ...GUESTS.map((plan) => ({ plan, role: "guest" as const })),
  ]);
  const idOf = new Map(castings.map((casting) => [casting.plan.key, casting.id]));
  const rows = castings.flatMap((casting, index) => {
    if (casting.existing) return [];
    const managerId = casting.plan.manager ? (idOf.get(casting.plan.manager) ?? null) : null;
    return [personRow({ ...input, plan: casting.plan, id: casting.id, role: casting.role, managerId, index })];
  });
  await insertPeople(tx, rows);
  const members = new Map<string, CastMember>(
    castings.map((casting) => [
      casting.plan.key,
      { key: casting.plan.key, id: casting.id, role: casting.existing?.role ?? casting.role, displayName: casting.existing?.display_name ?? casting.plan.name, email: casting.email },
    ]),
  );
  const admin = existingAdmin ? { key: ADMIN, id: existingAdmin.id, role: "admin" as const, displayName: existingAdmin.display_name, email: existingAdmin.email } : members.get(DEMO_ADMIN.key);
  if (!admin) throw new Error("The demo administrator is missing from its cast");
  members.set(ADMIN, { ...admin, key: ADMIN });
  return new Cast(
    members,
    EMPLOYEES.map((plan) => plan.key),
    GUESTS.map((plan) => plan.key),
    !existingAdmin,
  );
}
