// The people and communities the community grid runs on: the actors, signed in once, and one
// community per cell of a writing route, inserted in bulk (the transitions that must be proven
// through the API, removal and deactivation, go through it).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Db } from "../../src/platform/db.ts";
import { newId } from "../../src/platform/ids.ts";
import type { NewUser } from "../../src/platform/schema.ts";
import { buildUser, signIn } from "../factories.ts";
import { multipartFile } from "../uploads.ts";
import type { ActorKind, GridKind, State, Visibility } from "./grid.ts";

/** Request headers that make one actor: a session cookie and its CSRF token, or nothing. */
export type Credentials = Record<string, string>;

/** The people of the grid: each actor, and the people the routes act upon. */
export interface People {
  ids: Record<Exclude<ActorKind, "anonymous">, string>;
  emails: Record<Exclude<ActorKind, "anonymous">, string>;
  credentials: Record<ActorKind, Credentials>;
  /** Has a pending request to join every community of the grid. */
  requesterId: string;
  /** Has a pending invitation to every community of the grid. */
  inviteeId: string;
  /** A plain member of every community, whose role the routes change. */
  targetId: string;
  /** An active colleague in no community, whom the routes invite. */
  candidateId: string;
  /** An admin outside the grid who prepares fixtures through the API (so the actors' rate limits stay theirs). */
  setup: Credentials;
  setupId: string;
}

let requests = 0;

/** Sends one request from an address of its own, so that per-address rate limits never interfere. */
export function send(
  app: FastifyInstance,
  request: { method: string; url: string; headers?: Record<string, string>; payload?: InjectOptions["payload"] },
): Promise<LightMyRequestResponse> {
  requests += 1;
  const address = `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
  return app.inject({
    method: request.method as "GET",
    url: request.url,
    headers: request.headers ?? {},
    remoteAddress: address,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}

/** Every request sent so far through `send`. */
export function requestsSent(): number {
  return requests;
}

/** Fails the setup loudly when the API refuses a step the grid relies on. */
export function expectStatus(response: LightMyRequestResponse, status: number, step: string): void {
  if (response.statusCode !== status) throw new Error(`${step}: expected ${status}, got ${response.statusCode} ${response.body.slice(0, 300)}`);
}

async function credentialsOf(app: FastifyInstance, db: Db, userId: string): Promise<Credentials> {
  const browser = await signIn(app, db, userId);
  return { cookie: browser.cookie, "x-csrf-token": browser.csrfToken };
}

function mapValues<K extends string, A, B>(record: Record<K, A>, map: (value: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as A)])) as Record<K, B>;
}

/** Signs the actors in; the deactivated one is deactivated through the API after their session opened. */
export async function buildPeople(app: FastifyInstance, db: Db, label: string): Promise<People> {
  const account = (role: NewUser["role"], name: string) => buildUser(db, { role, display_name: `${label} ${name}` });
  const user = (role: NewUser["role"], name: string) => account(role, name).then((built) => built.id);
  const accounts = {
    guestOfOther: await account("guest", "Guest elsewhere"),
    guestOfThis: await account("guest", "Guest here"),
    nonMember: await account("member", "Non-member"),
    member: await account("member", "Member"),
    manager: await account("member", "Manager"),
    owner: await account("member", "Owner"),
    admin: await account("admin", "Admin"),
    removedMember: await account("member", "Removed"),
    deactivated: await account("member", "Deactivated"),
  };
  const ids = mapValues(accounts, (built) => built.id);
  const setupId = await user("admin", "Setup");
  const credentials = { anonymous: {} } as Record<ActorKind, Credentials>;
  for (const [kind, id] of Object.entries(ids)) credentials[kind as Exclude<ActorKind, "anonymous">] = await credentialsOf(app, db, id);
  const setup = await credentialsOf(app, db, setupId);
  const deactivation = await send(app, { method: "POST", url: `/api/v1/people/${ids.deactivated}/deactivate`, headers: setup });
  expectStatus(deactivation, 200, "deactivating the deactivated actor");
  // The guest from elsewhere belongs to another external community, never to the grid's.
  const elsewhere = newId();
  await db.insertInto("communities").values({ id: elsewhere, kind: "external", visibility: "secret", name: `${label} elsewhere` }).execute();
  await db.insertInto("community_members").values({ community_id: elsewhere, user_id: ids.guestOfOther, role: "member" }).execute();
  return {
    ids,
    emails: mapValues(accounts, (built) => built.email),
    credentials,
    requesterId: await user("member", "Requester"),
    inviteeId: await user("member", "Invitee"),
    targetId: await user("member", "Target"),
    candidateId: await user("member", "Candidate"),
    setup,
    setupId,
  };
}

/** What a cell needs of its community. */
export interface FixtureSpec {
  kind: GridKind;
  visibility: Visibility;
  state: State;
  /** The non-member's own pending request (for withdrawing it). */
  nonMemberRequest: boolean;
  /** The non-member's own pending invitation (for answering it). */
  nonMemberInvitation: boolean;
}

/** A community of the grid and the ids its routes take. */
export interface CommunityFixture extends FixtureSpec {
  id: string;
  name: string;
  requestId: string;
  invitationId: string;
  nonMemberRequestId: string | null;
  nonMemberInvitationId: string | null;
}

let fixtureCount = 0;

function fixtureOf(spec: FixtureSpec): CommunityFixture {
  fixtureCount += 1;
  return {
    ...spec,
    id: newId(),
    name: `Matrix ${spec.kind} ${spec.visibility} ${spec.state} ${fixtureCount}`,
    requestId: newId(),
    invitationId: newId(),
    nonMemberRequestId: spec.nonMemberRequest ? newId() : null,
    nonMemberInvitationId: spec.nonMemberInvitation ? newId() : null,
  };
}

/** Rows in batches, so thousands of communities cost a few statements. */
async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) await insert(rows.slice(start, start + 1000));
}

/**
 * Inserts live communities for `specs`: an owner, a manager, members (the removed member still
 * in, the deactivated one too, a guest in external ones), a pending request and invitation, and
 * a charter (version 1) in force.
 */
export async function insertFixtures(db: Db, people: People, specs: FixtureSpec[]): Promise<CommunityFixture[]> {
  const fixtures = specs.map(fixtureOf);
  const { ids } = people;
  await inBatches(fixtures, (batch) =>
    db
      .insertInto("communities")
      .values(batch.map((f) => ({ id: f.id, kind: f.kind, visibility: f.visibility, name: f.name, created_by: ids.owner, charter_version: 1 })))
      .execute(),
  );
  const members = fixtures.flatMap((f) => {
    const roles: [string, "owner" | "manager" | "member"][] = [
      [ids.owner, "owner"],
      [ids.manager, "manager"],
      [ids.member, "member"],
      [ids.removedMember, "member"],
      [ids.deactivated, "member"],
      [people.targetId, "member"],
    ];
    if (f.kind === "external") roles.push([ids.guestOfThis, "member"]);
    return roles.map(([user_id, role]) => ({ community_id: f.id, user_id, role }));
  });
  await inBatches(members, (batch) => db.insertInto("community_members").values(batch).execute());
  await inBatches(fixtures, (batch) =>
    db
      .insertInto("community_charters")
      .values(batch.map((f) => ({ community_id: f.id, version: 1, text: "Be kind.", required: false, created_by: ids.owner })))
      .execute(),
  );
  const requests = fixtures.flatMap((f) => [
    { id: f.requestId, community_id: f.id, user_id: people.requesterId, status: "pending" as const },
    ...(f.nonMemberRequestId ? [{ id: f.nonMemberRequestId, community_id: f.id, user_id: ids.nonMember, status: "pending" as const }] : []),
  ]);
  await inBatches(requests, (batch) => db.insertInto("community_requests").values(batch).execute());
  const invitations = fixtures.flatMap((f) => [
    { id: f.invitationId, community_id: f.id, user_id: people.inviteeId, invited_by: ids.owner, status: "pending" as const },
    ...(f.nonMemberInvitationId ? [{ id: f.nonMemberInvitationId, community_id: f.id, user_id: ids.nonMember, invited_by: ids.owner, status: "pending" as const }] : []),
  ]);
  await inBatches(invitations, (batch) => db.insertInto("community_invitations").values(batch).execute());
  return fixtures;
}

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(lanes);
}

/** The owner removes the removed member through the API, as a manager would, before the cells run. */
export async function removeThroughApi(app: FastifyInstance, people: People, fixtures: Pick<CommunityFixture, "id" | "name">[]): Promise<void> {
  await inParallel(fixtures, 8, async (fixture) => {
    const url = `/api/v1/communities/${fixture.id}/members/${people.ids.removedMember}`;
    expectStatus(await send(app, { method: "DELETE", url, headers: people.credentials.owner }), 204, `removing a member of ${fixture.name}`);
  });
}

/**
 * Gives shared fixtures a real cover, uploaded through the API while they are live, by the setup
 * admin: 18 uploads, under the limit of 20 a minute per person (each actor's own 18 cells of
 * `PUT .../cover`, plus one about an unknown id, stay under it too).
 */
export async function uploadCovers(app: FastifyInstance, people: People, fixtures: CommunityFixture[], image: Buffer): Promise<void> {
  for (const fixture of fixtures) {
    const upload = multipartFile(image);
    const response = await send(app, {
      method: "PUT",
      url: `/api/v1/communities/${fixture.id}/cover`,
      headers: { ...people.setup, ...upload.headers },
      payload: upload.payload,
    });
    expectStatus(response, 200, `uploading the cover of ${fixture.name}`);
  }
}

/** Archives and deletes the fixtures whose cell says so, in two statements. */
export async function applyStates(db: Db, fixtures: CommunityFixture[]): Promise<void> {
  for (const state of ["archived", "deleted"] as const) {
    const ids = fixtures.filter((f) => f.state === state).map((f) => f.id);
    if (ids.length === 0) continue;
    const column = state === "archived" ? "archived_at" : "deleted_at";
    await db.updateTable("communities").set({ [column]: new Date() }).where("id", "in", ids).execute();
  }
}

/** How many outbox events name each of these communities: a refused change must add none. */
export async function eventCounts(db: Db, communityIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("events")
    .select((eb) => ["subject_id", eb.fn.countAll<string>().as("count")])
    .where("subject_id", "in", communityIds)
    .groupBy("subject_id")
    .execute();
  return new Map(rows.map((row) => [row.subject_id ?? "", Number(row.count)]));
}
