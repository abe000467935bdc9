import { errorCatalogue } from "@ruche/contracts";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { newId } from "../src/platform/ids.ts";
import { createTestContext } from "./context.ts";
import { buildUser, DEFAULT_PASSWORD, signIn } from "./factories.ts";
import { describeRequest, requestsFor, type FuzzRequest } from "./fuzz-requests.ts";
import { SELF_ID, type KnownValues } from "./fuzz-values.ts";
import { discoverRoutes } from "./openapi-routes.ts";
import { makeImage } from "./uploads.ts";

// Requests per route and caller; NO500_RUNS=300 searches deeper.
const RUNS = Number(process.env.NO500_RUNS ?? 30);
const CALLERS = ["anonymous", "member", "admin"] as const;
type CallerKind = (typeof CALLERS)[number];

const t = await createTestContext({ work: false });
const serverLog: string[] = [];
// A second app on the same runtime that logs errors into memory, so that a 500's stack trace can be shown.
const app = await buildApp(t.runtime, { logger: pino({ level: "error" }, { write: (line: string) => serverLog.push(line) }) });
await app.ready();
const routes = await discoverRoutes(t.app);
const images = await Promise.all((["png", "jpeg", "gif", "webp"] as const).map((format) => makeImage(format, 40, 30)));
const oversizedFile = Buffer.concat([images[0] ?? Buffer.alloc(0), Buffer.alloc(t.config.avatarMaxBytes + 1)]);
const anonymousId = newId();
let requestsMade = 0;
await seedPeople();

afterAll(async () => {
  console.info(`no-500: ${requestsMade} requests over ${routes.length} routes and ${CALLERS.length} callers`);
  await app.close();
  await t.close();
});

/** People in every state, so that real ids lead somewhere interesting. */
async function seedPeople(): Promise<void> {
  await buildUser(t.db, { role: "admin" });
  const manager = await buildUser(t.db, { department: "Sales", skills: ["negotiation"] });
  await buildUser(t.db, { manager_id: manager.id, email_verified_at: null, language: "fr" });
  await buildUser(t.db, { role: "guest" });
  await buildUser(t.db, { status: "deactivated", deactivated_at: new Date() });
}

/** Ids of real rows from every table keyed by a uuid, and real emails, read afresh as the fuzzing writes more. */
async function knownValues(): Promise<KnownValues> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`.execute(t.db);
  const ids: string[] = [];
  for (const { table_name } of tables.rows) {
    // People are what most routes act on: more of their ids.
    const limit = table_name === "users" ? 24 : 8;
    const rows = await sql<{ id: string }>`select id::text as id from ${sql.table(table_name)} order by random() limit ${limit}`.execute(t.db);
    ids.push(...rows.rows.map((row) => row.id));
  }
  const emails = await t.db.selectFrom("users").select("email").orderBy(sql`random()`).limit(8).execute();
  return {
    ids,
    emails: emails.map((row) => row.email),
    strings: [DEFAULT_PASSWORD, "fr", "en", "admin", "member", "guest", "active", "deactivated", "pending", "Europe/Paris"],
    images,
    oversizedFile,
  };
}

interface Caller {
  kind: CallerKind;
  id: string;
  headers: Record<string, string>;
}

// A fresh person for each request: an earlier request (a logout, a password change, a deactivation)
// never changes who the caller is, and per-person rate limits (uploads) never turn the run into 429s.
async function callerOf(kind: CallerKind): Promise<Caller> {
  if (kind === "anonymous") return { kind, id: anonymousId, headers: {} };
  const user = await buildUser(t.db, { role: kind });
  const browser = await signIn(app, t.db, user.id);
  return { kind, id: user.id, headers: { cookie: browser.cookie, "x-csrf-token": browser.csrfToken } };
}

interface Exchange {
  caller: Caller;
  request: FuzzRequest;
  requestId: string;
  response: LightMyRequestResponse;
  usersBefore: number;
  usersAfter: number;
}

async function countUsers(): Promise<number> {
  const row = await t.db.selectFrom("users").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Sends the request as `caller`, from an address of its own so that per-address limits stay out of the way. */
async function send(generated: FuzzRequest, caller: Caller): Promise<Exchange> {
  requestsMade += 1;
  const requestId = `no500-${requestsMade}`;
  const payload = typeof generated.payload === "string" ? generated.payload.replaceAll(SELF_ID, caller.id) : generated.payload;
  const request: FuzzRequest = {
    method: generated.method,
    url: generated.url.replaceAll(SELF_ID, caller.id),
    headers: { ...caller.headers, ...generated.headers, "x-request-id": requestId },
    ...(payload === undefined ? {} : { payload }),
  };
  serverLog.length = 0;
  const usersBefore = await countUsers();
  const response = await app.inject({
    ...request,
    method: request.method as "GET",
    remoteAddress: `10.${(requestsMade >> 16) & 255}.${(requestsMade >> 8) & 255}.${requestsMade & 255}`,
  });
  const usersAfter = await countUsers();
  return { caller, request, requestId, response, usersBefore, usersAfter };
}

function errorBodyProblem(response: LightMyRequestResponse): string | undefined {
  let body: { error?: { code?: unknown; message?: unknown } } | undefined;
  try {
    body = response.json();
  } catch {
    return "a refusal whose body is not JSON";
  }
  const code = body?.error?.code;
  if (typeof code !== "string" || typeof body?.error?.message !== "string") return "a refusal whose body is not { error: { code, message } }";
  if (!Object.hasOwn(errorCatalogue, code)) return `error code "${code}" is not in the catalogue`;
  const catalogued = errorCatalogue[code as keyof typeof errorCatalogue].status;
  return catalogued === response.statusCode ? undefined : `error code "${code}" came with ${response.statusCode}, the catalogue says ${catalogued}`;
}

function problemsWith({ response, usersBefore, usersAfter }: Exchange): string[] {
  const status = response.statusCode;
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  else if (status >= 400) {
    const problem = errorBodyProblem(response);
    if (problem) problems.push(problem);
  }
  if (status >= 400 && usersAfter !== usersBefore) problems.push(`refused with ${status}, yet the users went from ${usersBefore} to ${usersAfter}`);
  return problems;
}

function stackTraceOf(requestId: string): string {
  const lines = serverLog.filter((line) => line.includes(`"reqId":"${requestId}"`));
  const stacks = lines.map((line) => {
    const entry = JSON.parse(line) as { msg?: string; err?: { stack?: string } };
    return entry.err?.stack ?? entry.msg ?? line;
  });
  return stacks.join("\n") || "(nothing logged)";
}

function failureReport(exchange: Exchange, problems: string[]): string {
  const { caller, request, response, requestId } = exchange;
  return [
    `${request.method} ${request.url.slice(0, 300)} as ${caller.kind}: ${problems.join("; ")}`,
    describeRequest(request),
    `response ${response.statusCode}: ${response.body.slice(0, 1000)}`,
    `server log:\n${stackTraceOf(requestId)}`,
  ].join("\n");
}

describe("the API under random requests", () => {
  it("finds every documented route, uploads included, in the OpenAPI description", () => {
    const labels = routes.map((route) => route.label);
    expect(labels).toEqual(expect.arrayContaining(["GET /api/v1/me", "POST /api/v1/auth/login", "PATCH /api/v1/people/{id}"]));
    const uploads = routes.filter((route) => route.mayTakeUpload).map((route) => route.label);
    expect(uploads).toEqual(expect.arrayContaining(["PUT /api/v1/me/avatar", "PUT /api/v1/organisation/logo"]));
    expect(routes.find((route) => route.label === "GET /api/v1/people")?.queryParameters.map((parameter) => parameter.name)).toContain("limit");
    expect(routes.find((route) => route.label === "PATCH /api/v1/me")?.jsonBody?.properties).toHaveProperty("displayName");
  });

  describe.each(CALLERS)("as %s", (kind) => {
    it.each(routes)("$label answers below 500, refuses with a catalogued error and then writes no user", async (route) => {
      const known = await knownValues();
      const property = fc.asyncProperty(requestsFor(route, known), async (request) => {
        const exchange = await send(request, await callerOf(kind));
        const problems = problemsWith(exchange);
        if (problems.length > 0) throw new Error(failureReport(exchange, problems));
      });
      await fc.assert(property, { numRuns: RUNS });
    }, 120_000);
  });
});
