import autocannon from "autocannon";
import { cpuPerRequest, cpuSnapshot, type CpuPerRequest } from "./cpu.ts";
import type { BenchSession } from "./sessions.ts";
import { COMMON_PREFIXES, COMMON_WORDS, NAME_PREFIXES } from "./texts.ts";
import type { FanoutDetails } from "./ws-fanout.ts";

/** Which process a scenario drives. */
export type Target = "ceiling" | "baseline" | "ruche";

export const SCENARIO_NAMES = [
  "ceiling", "baseline-home", "home", "home-next", "community-feed", "post-detail",
  "search-common", "search-rare", "search-prefix", "suggestions", "create-comment", "create-post", "ws-fanout",
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Scenario {
  name: ScenarioName;
  target: Target;
  /** What one request stands for, as the README and the table explain it. */
  measures: string;
  /** The requests one connection cycles through, each set up afresh for the next session in turn. */
  requests(sessions: BenchSession[], words: SearchWords): autocannon.Request[];
  /**
   * Measured a second time on one connection: what one person waits when nobody else is asking.
   * At 50 connections on two cores the queue sets the p99 (50 ms needs a thousand answers a second).
   */
  alone?: boolean;
}

/** What the search scenarios look for that only the dataset knows. */
export interface SearchWords {
  /** Rare words the generator gave to live posts (`rareWordsInUse`). */
  rare: string[];
}

/** What autocannon saw, reduced to what the results file keeps. */
export interface ScenarioResult {
  scenario: ScenarioName;
  target: Target;
  /** How many connections asked at once (older results files: the run's `connections`). */
  connections?: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** CPU milliseconds a request during the measured run, by process (Linux only; absent from older results files). */
  cpu?: CpuPerRequest;
  /** `ws-fanout` only: its req/s are deliveries a second, its errors missing deliveries, its non-2xx failed posts. */
  fanout?: FanoutDetails;
}

/** Hands out `items` in turn, across every connection, so the load spreads evenly over the people. */
function rotation<T>(items: T[]): () => T {
  if (items.length === 0) throw new Error("no session fits this scenario: the dataset is too small");
  let next = 0;
  return () => items[next++ % items.length] as T;
}

const withCookie = (session: BenchSession) => ({ cookie: session.cookie });
const writing = (session: BenchSession) => ({ ...withCookie(session), "content-type": "application/json", "x-csrf-token": session.csrfToken });

/** A GET whose path depends on the next session, sent with its cookie unless `signedIn` is false (the baseline). */
function get(sessions: BenchSession[], pathOf: (session: BenchSession, turn: number) => string, options = { signedIn: true }): autocannon.Request[] {
  const next = rotation(sessions);
  let turn = 0;
  return [{ setupRequest: (request) => {
    const session = next();
    return { ...request, method: "GET", path: pathOf(session, turn++), headers: options.signedIn ? withCookie(session) : {} };
  } }];
}

const pick = <T>(items: T[], turn: number): T => items[turn % items.length] as T;

/** The people the search targets are set for: members (of ten communities each), not guests. */
const members = (sessions: BenchSession[]) => sessions.filter((session) => session.role === "member");
const searchFor = (words: string[], options = "") => (_session: BenchSession, turn: number) =>
  `/api/v1/search?q=${encodeURIComponent(pick(words, turn))}${options}`;

export const SCENARIOS: Scenario[] = [
  {
    name: "ceiling",
    target: "ceiling",
    measures: "hello-world Fastify route: the machine's HTTP ceiling",
    requests: () => [{ method: "GET", path: "/" }],
  },
  {
    name: "baseline-home",
    target: "baseline",
    measures: "home feed's raw SQL behind a bare Fastify route (no session, policy or presentation)",
    requests: (sessions) => get(sessions, (session) => `/feed?viewer=${session.userId}&role=${session.role}`, { signedIn: false }),
  },
  {
    name: "home",
    target: "ruche",
    measures: "GET /api/v1/feed: first page of a signed-in person's home feed",
    requests: (sessions) => get(sessions, () => "/api/v1/feed"),
  },
  {
    name: "home-next",
    target: "ruche",
    measures: "GET /api/v1/feed?cursor=: the second page",
    requests: (sessions) => get(sessions.filter((session) => session.nextCursor !== null), (session) => `/api/v1/feed?cursor=${encodeURIComponent(session.nextCursor ?? "")}`),
  },
  {
    name: "community-feed",
    target: "ruche",
    measures: "GET /api/v1/communities/:id/posts: a community the person belongs to",
    requests: (sessions) => get(sessions.filter((session) => session.communities.length > 0), (session, turn) => `/api/v1/communities/${pick(session.communities, turn)}/posts`),
  },
  {
    name: "post-detail",
    target: "ruche",
    measures: "GET /api/v1/posts/:id then GET /api/v1/posts/:id/comments (two requests a post)",
    requests: (sessions) => {
      const next = rotation(sessions.filter((session) => session.posts.length > 0));
      let turn = 0;
      return [
        { setupRequest: (request, context) => {
          const session = next();
          const postId = pick(session.posts, turn++);
          Object.assign(context, { session, postId });
          return { ...request, method: "GET", path: `/api/v1/posts/${postId}`, headers: withCookie(session) };
        } },
        { setupRequest: (request, context) => {
          const { session, postId } = context as { session: BenchSession; postId: string };
          return { ...request, method: "GET", path: `/api/v1/posts/${postId}/comments`, headers: withCookie(session) };
        } },
      ];
    },
  },
  {
    name: "search-common",
    target: "ruche",
    alone: true,
    measures: `GET /api/v1/search?q=: a word in a large share of posts (${COMMON_WORDS.join(", ")})`,
    requests: (sessions) => get(members(sessions), searchFor(COMMON_WORDS)),
  },
  {
    name: "search-rare",
    target: "ruche",
    alone: true,
    measures: "GET /api/v1/search?q=: a made-up word the dataset gave to a few posts",
    requests: (sessions, words) => get(members(sessions), searchFor(words.rare)),
  },
  {
    name: "search-prefix",
    target: "ruche",
    alone: true,
    measures: `GET /api/v1/search?q=&prefix=true: the start of a common word (${COMMON_PREFIXES.join(", ")})`,
    requests: (sessions) => get(members(sessions), searchFor(COMMON_PREFIXES, "&prefix=true")),
  },
  {
    name: "suggestions",
    target: "ruche",
    alone: true,
    measures: "GET /api/v1/search/suggestions?q=: the first three letters of a first name",
    requests: (sessions) => get(members(sessions), (_session, turn) => `/api/v1/search/suggestions?q=${encodeURIComponent(pick(NAME_PREFIXES, turn))}`),
  },
  {
    name: "create-comment",
    target: "ruche",
    measures: "POST /api/v1/posts/:id/comments on a recent post of one's communities",
    requests: (sessions) => {
      const next = rotation(sessions.filter((session) => session.posts.length > 0));
      let turn = 0;
      return [{ setupRequest: (request) => {
        const session = next();
        const body = JSON.stringify({ body: `Thanks, **noted** (${turn}).` });
        return { ...request, method: "POST", path: `/api/v1/posts/${pick(session.posts, turn++)}/comments`, headers: writing(session), body };
      } }];
    },
  },
  {
    name: "create-post",
    target: "ruche",
    measures: "POST /api/v1/posts in one of one's communities (transaction, outbox event, fan-out)",
    requests: (sessions) => {
      const next = rotation(sessions.filter((session) => session.communities.length > 0));
      let turn = 0;
      return [{ setupRequest: (request) => {
        const session = next();
        const body = JSON.stringify({ communityId: pick(session.communities, turn), body: `Weekly update ${turn++}: the **release** went out on time.` });
        return { ...request, method: "POST", path: "/api/v1/posts", headers: writing(session), body };
      } }];
    },
  },
];

/** Runs one scenario: a warm-up that is thrown away, then the measured run. */
export async function runScenario(input: {
  scenario: Scenario;
  url: string;
  /** The server's process, whose CPU is measured with the database's and the load generator's. */
  pid: number;
  sessions: BenchSession[];
  words: SearchWords;
  connections: number;
  seconds: { warmup: number; measured: number };
}): Promise<ScenarioResult> {
  const { scenario, url, sessions, words, connections, seconds } = input;
  const run = (duration: number) => autocannon({ url, connections, duration, requests: scenario.requests(sessions, words) });
  await run(seconds.warmup);
  const before = cpuSnapshot(input.pid);
  const result = await run(seconds.measured);
  const cpu = cpuPerRequest(before, cpuSnapshot(input.pid), result.requests.total);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]));
  return {
    scenario: scenario.name,
    target: scenario.target,
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    ...(cpu ? { cpu } : {}),
  };
}
