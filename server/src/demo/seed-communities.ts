import type { Tx } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import { appendEvent } from "../platform/outbox.ts";
import type { CommunityRole, CommunityVisibility } from "../platform/schema.ts";
import { COMMUNITIES, COMPANY_MANAGERS } from "./communities.ts";
import { DEMO_ORGANISATION } from "./organisation.ts";
import {
  archiveEndedProject,
  renameCommunity,
  findCompanyCommunity,
  insertAcceptedInvitation,
  insertCharter,
  insertCharterAcceptance,
  insertCommunity,
  insertPendingRequest,
  upsertMember,
} from "./repository.ts";
import { ADMIN, type CommunityPlan } from "./script.ts";
import type { Cast, CastMember } from "./seed-people.ts";
import type { Timeline } from "./timeline.ts";

/** A community the demo wrote (or found, for the company one), with who may take part in it. */
export interface SeededCommunity {
  id: string;
  /** Keys of the people who may post, comment, react and vote there: members who accepted its charter, if it has one. */
  contributors: string[];
}

/** Demo communities by script key; the company one is `company`. */
export type CommunityIndex = Map<string, SeededCommunity>;

interface Context {
  tx: Tx;
  timeline: Timeline;
  cast: Cast;
}

/**
 * The company community is the one every network starts with: the demo names it after the
 * organisation (unless someone made it), and gives it two managers, who may announce there.
 */
async function seedCompany({ tx, timeline, cast }: Context): Promise<SeededCommunity> {
  const company = await findCompanyCommunity(tx);
  if (company.created_by === null) {
    await renameCommunity(tx, company.id, { name: DEMO_ORGANISATION.name, description: DEMO_ORGANISATION.companyDescription });
    await appendEvent(tx, { type: "community.updated", actorId: cast.admin.id, subjectId: company.id, payload: { fields: ["name", "description"] } });
  }
  for (const key of COMPANY_MANAGERS) {
    const manager = cast.person(key);
    await upsertMember(tx, { communityId: company.id, userId: manager.id, role: "manager", joinedAt: timeline.at(44, "09:00") });
    await appendEvent(tx, { type: "member.role_changed", actorId: cast.admin.id, subjectId: company.id, payload: { userId: manager.id, from: "member", to: "manager" } });
  }
  return { id: company.id, contributors: cast.employees };
}

interface Admission {
  community: { id: string; visibility: CommunityVisibility };
  owner: CastMember;
  person: CastMember;
  role: Exclude<CommunityRole, "owner">;
  joinedAt: Date;
}

/**
 * Lets someone in the way the product would: into a public community they join (managers are
 * then promoted by the owner); into a closed or secret one, they accept the owner's invitation.
 */
async function admit(tx: Tx, admission: Admission): Promise<void> {
  const { community, owner, person, role, joinedAt } = admission;
  await upsertMember(tx, { communityId: community.id, userId: person.id, role, joinedAt });
  if (community.visibility === "public") {
    await appendEvent(tx, { type: "member.joined", actorId: person.id, subjectId: community.id, payload: { userId: person.id } });
    if (role === "manager") {
      await appendEvent(tx, { type: "member.role_changed", actorId: owner.id, subjectId: community.id, payload: { userId: person.id, from: "member", to: role } });
    }
    return;
  }
  const invitationId = newId();
  await insertAcceptedInvitation(tx, { id: invitationId, communityId: community.id, userId: person.id, role, invitedBy: owner.id, createdAt: joinedAt, decidedAt: joinedAt });
  await appendEvent(tx, { type: "community_invitation.accepted", actorId: person.id, subjectId: community.id, payload: { invitationId, userId: person.id, role } });
}

async function acceptCharter(tx: Tx, input: { communityId: string; person: CastMember; at: Date }): Promise<void> {
  await insertCharterAcceptance(tx, { communityId: input.communityId, userId: input.person.id, acceptedAt: input.at });
  await appendEvent(tx, { type: "charter.accepted", actorId: input.person.id, subjectId: input.communityId, payload: { version: 1 } });
}

/** One community: created by its owner, a charter if it has one, its people let in over the following hours. */
async function seedCommunity({ tx, timeline, cast }: Context, plan: CommunityPlan): Promise<SeededCommunity> {
  const id = newId();
  const owner = cast.person(plan.owner);
  const createdAt = timeline.at(plan.createdDaysAgo, "09:00");
  const project = plan.project ? { starts_on: timeline.day(-plan.project.startedDaysAgo), ends_on: timeline.day(plan.project.endsInDays) } : {};
  const { kind, visibility, name, description } = plan;
  await insertCommunity(tx, { id, kind, visibility, name, description, ...project, created_by: owner.id, created_at: createdAt, updated_at: createdAt });
  await upsertMember(tx, { communityId: id, userId: owner.id, role: "owner", joinedAt: createdAt });
  await appendEvent(tx, { type: "community.created", actorId: owner.id, subjectId: id, payload: { kind } });
  const notYetAccepted = new Set(plan.charter?.notYetAcceptedBy ?? []);
  if (plan.charter) {
    await insertCharter(tx, { communityId: id, text: plan.charter.text, createdBy: owner.id, createdAt: timeline.after(createdAt, 5) });
    await appendEvent(tx, { type: "charter.published", actorId: owner.id, subjectId: id, payload: { version: 1, required: true } });
    await acceptCharter(tx, { communityId: id, person: owner, at: timeline.after(createdAt, 6) });
  }
  const joining = [...(plan.managers ?? []).map((key) => ({ key, role: "manager" as const })), ...plan.members.map((key) => ({ key, role: "member" as const }))];
  for (const [index, { key, role }] of joining.entries()) {
    const person = cast.person(key);
    const joinedAt = timeline.after(createdAt, 30 + index * 47);
    await admit(tx, { community: { id, visibility }, owner, person, role, joinedAt });
    if (plan.charter && !notYetAccepted.has(key)) await acceptCharter(tx, { communityId: id, person, at: timeline.after(joinedAt, 4) });
  }
  if (plan.pendingRequest) {
    const requester = cast.person(plan.pendingRequest.person);
    const requestId = newId();
    await insertPendingRequest(tx, { id: requestId, communityId: id, userId: requester.id, message: plan.pendingRequest.message, createdAt: timeline.at(1, "10:15") });
    await appendEvent(tx, { type: "request.created", actorId: requester.id, subjectId: id, payload: { requestId, userId: requester.id } });
  }
  const everyone = [plan.owner, ...joining.map(({ key }) => key)];
  return { id, contributors: everyone.filter((key) => key !== ADMIN && !notYetAccepted.has(key)) };
}

/** The company community and the script's others, by key. */
export async function seedCommunities(tx: Tx, input: { timeline: Timeline; cast: Cast }): Promise<CommunityIndex> {
  const context = { tx, ...input };
  const index: CommunityIndex = new Map([["company", await seedCompany(context)]]);
  for (const plan of COMMUNITIES) index.set(plan.key, await seedCommunity(context, plan));
  return index;
}

/**
 * Projects whose end day has passed are archived, as the hourly job did just after that day:
 * done once their story is written, since nobody posts in an archived community.
 */
export async function closeEndedProjects(tx: Tx, input: { timeline: Timeline; communities: CommunityIndex }): Promise<void> {
  for (const plan of COMMUNITIES) {
    const community = input.communities.get(plan.key);
    if (!community || !plan.project || plan.project.endsInDays >= 0) continue;
    const at = input.timeline.dayAfter(input.timeline.day(plan.project.endsInDays));
    await archiveEndedProject(tx, community.id, at);
    await appendEvent(tx, { type: "community.archived", actorId: null, subjectId: community.id, payload: { reason: "ended" } });
  }
}
