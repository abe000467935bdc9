import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import WebSocket from "ws";
import type { Db } from "../../server/src/platform/db.ts";
import { hashSecret, newSecret } from "../../server/src/platform/ids.ts";
import type { Scale } from "./dataset.ts";
import type { ScenarioResult } from "./scenarios.ts";

/**
 * `ws-fanout`: one Ruche process holds many open stream sockets, each subscribed to `home`; a
 * community's connected members must each receive `post.created` for every post made in it. See
 * bench/README.md ("ws-fanout").
 */

/** How many sockets, how many of them the chosen community's members hold, how many posts. */
export const FANOUT_SIZES: Record<Scale, { sockets: number; memberSockets: number; posts: number; intervalMs: number }> = {
  small: { sockets: 500, memberSockets: 100, posts: 15, intervalMs: 200 },
  default: { sockets: 5_000, memberSockets: 1_000, posts: 50, intervalMs: 200 },
  large: { sockets: 5_000, memberSockets: 1_000, posts: 50, intervalMs: 200 },
};

/** What the results file keeps of a fan-out run, beside the usual columns. */
export interface FanoutDetails {
  sockets: number;
  community: { id: string; name: string; members: number };
  /** Sockets held by the community's members, and how many distinct members hold them. */
  memberSockets: number;
  connectedMembers: number;
  posts: number;
  expectedDeliveries: number;
  delivered: number;
  missing: number;
  /** Deliveries to sockets of non-members (people following a post's author): allowed, not measured. */
  otherDeliveries: number;
  /** Latencies run from the start of each POST to each socket's receipt; the POST itself took this long. */
  latencyFrom: "request start";
  postP50Ms: number;
  postP99Ms: number;
  /** The same deliveries measured from the POST's response instead (negative when the event came first). */
  afterResponseP50Ms: number;
  afterResponseP99Ms: number;
  connectSeconds: number;
  rucheRssBeforeBytes: number;
  rucheRssWithSocketsBytes: number;
  rucheRssPeakBytes: number;
}

/** A socket needs a file descriptor on each side (the bench and Ruche inherit the same limit). */
export function checkDescriptorLimit(sockets: number): void {
  const line = /Max open files\s+(\d+|unlimited)/.exec(readFileSync("/proc/self/limits", "utf8"))?.[1];
  if (line === undefined || line === "unlimited") return;
  const needed = sockets + 1_000;
  if (Number(line) < needed) {
    throw new Error(`ws-fanout opens ${sockets} WebSockets but this shell allows ${line} open files: run \`ulimit -n ${Math.max(needed, 16_384)}\` first (or --only another scenario)`);
  }
}

interface Person {
  userId: string;
  cookie: string;
  csrfToken: string;
}

interface Plan {
  community: { id: string; name: string; members: number };
  members: Person[];
  memberSockets: Person[];
  otherSockets: Person[];
}

/** Writes one session per person, as `createSession` does (the cookie carries a secret, the table its hash). */
async function signIn(db: Db, userIds: string[]): Promise<Person[]> {
  const people = userIds.map((userId) => ({ userId, token: newSecret(), csrfToken: newSecret() }));
  const expiresAt = new Date(Date.now() + 86_400_000);
  for (let start = 0; start < people.length; start += 500) {
    const rows = people.slice(start, start + 500).map((person) => ({ id_hash: hashSecret(person.token), user_id: person.userId, csrf_token: person.csrfToken, expires_at: expiresAt, user_agent: "ruche-bench-ws" }));
    await db.insertInto("sessions").values(rows).execute();
  }
  return people.map(({ userId, token, csrfToken }) => ({ userId, cookie: `ruche_session=${token}`, csrfToken }));
}

/** `count` sockets handed out in turn over `people` (several each when there are fewer people: more devices). */
const spread = (people: Person[], count: number): Person[] => (people.length === 0 ? [] : Array.from({ length: count }, (_, index) => people[index % people.length] as Person));

/**
 * The community of the target has as many members as member sockets (1,000 at the default scale),
 * one socket each. The dataset's largest has fewer (about 520 at the default scale): people join it,
 * as they would, until it has that many. Joining twice changes nothing, so `--reuse` runs agree.
 */
async function grow(db: Db, community: Plan["community"], input: { members: number; seed: string }): Promise<Plan["community"]> {
  if (community.members >= input.members) return community;
  const { numAffectedRows } = await sql`
    insert into community_members (community_id, user_id, role)
    select ${community.id}::uuid, users.id, 'member' from users
    where users.status = 'active' and users.role = 'member'
      and not exists (select 1 from community_members m where m.community_id = ${community.id}::uuid and m.user_id = users.id)
    order by md5(${input.seed} || users.id::text) limit ${input.members - community.members}
  `.execute(db);
  return { ...community, members: community.members + Number(numAffectedRows ?? 0) };
}

/**
 * The largest community everyone in it may post in (not the company one, which holds everybody:
 * then no socket would be a non-member), its active members, and as many others as sockets need.
 */
async function plan(db: Db, input: { scale: Scale; seed: string }): Promise<Plan> {
  const size = FANOUT_SIZES[input.scale];
  const { rows: found } = await sql<{ id: string; name: string; members: number }>`
    select communities.id, communities.name, count(*)::int as members
    from communities join community_members on community_members.community_id = communities.id
    where communities.kind <> 'company' and communities.deleted_at is null and communities.archived_at is null
      and communities.posting_policy = 'all' and communities.charter_version is null
    group by communities.id order by count(*) desc, communities.id limit 1
  `.execute(db);
  const largest = found[0];
  if (!largest) throw new Error("ws-fanout: the dataset has no community to post in");
  const community = await grow(db, largest, { members: size.memberSockets, seed: input.seed });
  const pick = (inside: boolean, limit: number) => sql<{ id: string }>`
    select users.id from users
    where users.status = 'active' and users.role in ('member', 'guest')
      and ${inside ? sql`` : sql`not`} exists (select 1 from community_members where community_id = ${community.id} and user_id = users.id)
    order by md5(${input.seed} || users.id::text) limit ${limit}
  `.execute(db);
  const inside = (await pick(true, size.memberSockets)).rows.map((row) => row.id);
  const outside = (await pick(false, size.sockets - size.memberSockets)).rows.map((row) => row.id);
  const members = await signIn(db, inside);
  const others = await signIn(db, outside);
  return { community, members, memberSockets: spread(members, size.memberSockets), otherSockets: spread(others, size.sockets - size.memberSockets) };
}

/** One open socket, subscribed to `home`, noting when each post's `post.created` arrived. */
interface Listener {
  person: Person;
  member: boolean;
  socket: WebSocket;
  received: Map<string, number>;
  /** The close code, when the socket closed before the bench closed it. */
  closedWith?: number;
}

function connect(url: string, person: Person, member: boolean): Promise<Listener> {
  const streamUrl = `${url.replace(/^http/, "ws")}/api/v1/stream`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(streamUrl, { headers: { cookie: person.cookie, origin: url } });
    const listener: Listener = { person, member, socket, received: new Map() };
    let stage = "the upgrade was not answered";
    const timer = setTimeout(() => reject(new Error(`ws-fanout: a socket was not subscribed within 60 s (${stage})`)), 60_000);
    socket.once("open", () => {
      stage = "open, no answer to its subscription";
      socket.send(JSON.stringify({ type: "subscribe", topics: ["home"] }));
    });
    socket.once("unexpected-response", (_request, response) => reject(new Error(`ws-fanout: the stream refused the upgrade with ${response.statusCode}`)));
    socket.on("error", reject);
    socket.once("close", (code) => {
      listener.closedWith = code;
      reject(new Error(`ws-fanout: Ruche closed a socket with code ${code} before subscribing it`));
    });
    socket.on("message", (data: WebSocket.RawData) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as { type: string; name?: string; data?: { postId?: string } };
      if (message.type === "subscribed") {
        clearTimeout(timer);
        resolve(listener);
      } else if (message.type === "event" && message.name === "post.created" && message.data?.postId) {
        if (!listener.received.has(message.data.postId)) listener.received.set(message.data.postId, at);
      } else if (message.type !== "event") reject(new Error(`ws-fanout: the stream answered ${data.toString()}`));
    });
  });
}

/** Opens every socket, `parallel` at a time, so the upgrades do not all queue at once; says how far it got. */
async function connectAll(url: string, sockets: { person: Person; member: boolean }[], log: (line: string) => void, parallel = 50): Promise<Listener[]> {
  const listeners: Listener[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < sockets.length) {
      const socket = sockets[next++];
      if (!socket) return;
      try {
        listeners.push(await connect(url, socket.person, socket.member));
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)} (${listeners.length} of ${sockets.length} subscribed after ${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
      if (listeners.length % 1000 === 0) log(`  ${listeners.length} sockets subscribed after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return listeners;
}

interface Posted {
  postId: string;
  startedAt: number;
  answeredAt: number;
}

async function createPost(url: string, author: Person, communityId: string, turn: number): Promise<Posted | null> {
  const startedAt = performance.now();
  const response = await fetch(`${url}/api/v1/posts`, {
    method: "POST",
    headers: { cookie: author.cookie, "x-csrf-token": author.csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ communityId, body: `Live update ${turn}: the **stand-up** moves to room 4.` }),
  });
  const answeredAt = performance.now();
  if (!response.ok) return null;
  const { id } = (await response.json()) as { id: string };
  return { postId: id, startedAt, answeredAt };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
}

/** Waits until every member socket has every post, or `ms` passed. */
async function settle(listeners: Listener[], postIds: string[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const complete = () => listeners.every((listener) => !listener.member || postIds.every((id) => listener.received.has(id)));
  while (!complete() && Date.now() < deadline) await sleep(50);
}

/** A warm-up post (not measured: the first delivery loads the community's facts), then one post every interval, by members in turn. */
async function postInTurns(url: string, chosen: Plan, listeners: Listener[], size: { posts: number; intervalMs: number }): Promise<{ posted: Posted[]; failedPosts: number }> {
  const warmup = await createPost(url, chosen.members[0] as Person, chosen.community.id, 0);
  if (warmup) await settle(listeners, [warmup.postId], 10_000);
  const posted: Posted[] = [];
  let failedPosts = 0;
  const pending: Promise<void>[] = [];
  for (let turn = 1; turn <= size.posts; turn++) {
    const author = chosen.members[turn % chosen.members.length] as Person;
    pending.push(createPost(url, author, chosen.community.id, turn).then((result) => (result ? void posted.push(result) : void (failedPosts += 1))));
    await sleep(size.intervalMs);
  }
  await Promise.all(pending);
  return { posted, failedPosts };
}

/** Says how many sockets Ruche closed before the end (their member deliveries count as missing). */
function reportEarlyCloses(listeners: Listener[], log: (line: string) => void): void {
  const codes = listeners.flatMap((listener) => (listener.closedWith === undefined ? [] : [listener.closedWith]));
  if (codes.length > 0) log(`  ${codes.length} sockets were closed by Ruche during the run (codes ${[...new Set(codes)].join(", ")})`);
}

/** Ruche's resident memory now (VmRSS), in bytes. */
function currentRss(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : 0;
}

/** Runs the scenario against a Ruche just started for it (so its peak memory is the sockets'). */
/**
 * Waits until this Ruche has dispatched the events the earlier write scenarios left (their Ruche
 * stopped with its outbox behind): fan-out is measured on a network that has caught up, and how
 * long catching up took is printed beside it.
 */
async function drainOutbox(db: Db, log: (line: string) => void): Promise<void> {
  const pending = async () => Number((await sql<{ count: string }>`select count(*) as count from events where dispatched_at is null and attempts < 10`.execute(db)).rows[0]?.count ?? 0);
  const before = await pending();
  if (before === 0) return;
  const started = performance.now();
  const deadline = started + 300_000;
  while ((await pending()) > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  const left = await pending();
  log(`  outbox: ${before} events left by the earlier scenarios, ${left === 0 ? "dispatched" : `${left} still pending`} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function runWsFanout(input: { db: Db; url: string; pid: number; peakRss: () => number; scale: Scale; seed: string; log: (line: string) => void }): Promise<ScenarioResult & { fanout: FanoutDetails }> {
  const size = FANOUT_SIZES[input.scale];
  checkDescriptorLimit(size.sockets);
  await drainOutbox(input.db, input.log);
  const chosen = await plan(input.db, input);
  const rssBefore = currentRss(input.pid);
  const connectStart = performance.now();
  const listeners = await connectAll(input.url, [...chosen.memberSockets.map((person) => ({ person, member: true })), ...chosen.otherSockets.map((person) => ({ person, member: false }))], input.log);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const rssWithSockets = currentRss(input.pid);
  input.log(`  ${listeners.length} sockets open in ${connectSeconds.toFixed(1)} s (${chosen.memberSockets.length} held by ${chosen.members.length} members of "${chosen.community.name}"), Ruche RSS ${(rssWithSockets / 2 ** 20).toFixed(0)} MB`);
  const { posted, failedPosts } = await postInTurns(input.url, chosen, listeners, size);
  await settle(listeners, posted.map((post) => post.postId), 10_000);
  const fanout = measureDeliveries(listeners, posted);
  const peak = input.peakRss();
  reportEarlyCloses(listeners, input.log);
  for (const listener of listeners) listener.socket.terminate();
  const durationSeconds = (size.posts * size.intervalMs) / 1000;
  const postLatencies = posted.map((post) => post.answeredAt - post.startedAt).sort((a, b) => a - b);
  return {
    scenario: "ws-fanout",
    target: "ruche",
    requestsPerSecond: fanout.latencies.length / durationSeconds,
    p50Ms: percentile(fanout.latencies, 50),
    p99Ms: percentile(fanout.latencies, 99),
    maxMs: Math.round(fanout.latencies.at(-1) ?? 0),
    requests: fanout.latencies.length,
    errors: fanout.missing,
    timeouts: 0,
    non2xx: failedPosts,
    statusCodes: {},
    fanout: {
      sockets: listeners.length,
      community: chosen.community,
      memberSockets: chosen.memberSockets.length,
      connectedMembers: chosen.members.length,
      posts: posted.length,
      expectedDeliveries: posted.length * chosen.memberSockets.length,
      delivered: fanout.latencies.length,
      missing: fanout.missing,
      otherDeliveries: fanout.others,
      latencyFrom: "request start",
      postP50Ms: percentile(postLatencies, 50),
      postP99Ms: percentile(postLatencies, 99),
      afterResponseP50Ms: percentile(fanout.afterResponse, 50),
      afterResponseP99Ms: percentile(fanout.afterResponse, 99),
      connectSeconds: Number(connectSeconds.toFixed(1)),
      rucheRssBeforeBytes: rssBefore,
      rucheRssWithSocketsBytes: rssWithSockets,
      rucheRssPeakBytes: peak,
    },
  };
}

/** Each member socket's delay for each post (sorted), the member deliveries missing, and non-members' receipts. */
function measureDeliveries(listeners: Listener[], posted: Posted[]): { latencies: number[]; afterResponse: number[]; missing: number; others: number } {
  const latencies: number[] = [];
  const afterResponse: number[] = [];
  let missing = 0;
  let others = 0;
  for (const listener of listeners) {
    for (const post of posted) {
      const at = listener.received.get(post.postId);
      if (!listener.member) others += at === undefined ? 0 : 1;
      else if (at === undefined) missing += 1;
      else {
        latencies.push(at - post.startedAt);
        afterResponse.push(at - post.answeredAt);
      }
    }
  }
  return { latencies: latencies.sort((a, b) => a - b), afterResponse: afterResponse.sort((a, b) => a - b), missing, others };
}
