import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataDir, startRuche, type RucheProcess } from "./process.ts";

// A write the API acknowledged must survive the death of every process at once: Ruche and its
// embedded PostgreSQL are SIGKILLed together, mid-burst, then Ruche restarts on the same data.

const ADMIN = { email: "durable@abeille.example", password: "a long enough passphrase" };
const ROUNDS = 5;
const BURST = 40;

let dataDir: { path: string; remove(): Promise<void> };
let current: RucheProcess | undefined;

async function start(): Promise<RucheProcess> {
  current = await startRuche({ dataDir: dataDir.path, env: { RUCHE_ADMIN_EMAIL: ADMIN.email, RUCHE_ADMIN_PASSWORD: ADMIN.password } });
  return current;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function logIn(ruche: RucheProcess): Promise<Session> {
  const response = await fetch(`${ruche.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.includes("ruche_session="))?.split(";")[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error("login set no session cookie");
  return { cookie, csrfToken };
}

function call(ruche: RucheProcess, session: Session, method: string, url: string, body?: object): Promise<Response> {
  return fetch(`${ruche.url}${url}`, {
    method,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** Every token the signed-in user has, following the pages. */
async function listTokens(ruche: RucheProcess, session: Session): Promise<{ id: string; name: string }[]> {
  const tokens: { id: string; name: string }[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(ruche, session, "GET", `/api/v1/me/tokens?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { id: string; name: string }[]; nextCursor: string | null };
    tokens.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return tokens;
}

/**
 * Fires `BURST` token creations at once and SIGKILLs the process group as soon as `killAfter` of
 * them are acknowledged, while the rest are still in flight. Returns the acknowledged names.
 */
async function burstThenPowerCut(ruche: RucheProcess, session: Session, round: number, killAfter: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let killing: Promise<void> | undefined;
  const writes = Array.from({ length: BURST }, async (_, index) => {
    const name = `round ${round} write ${index}`;
    const response = await call(ruche, session, "POST", "/api/v1/me/tokens", { name }).catch(() => undefined);
    if (response?.status !== 201) return;
    const body = (await response.json().catch(() => undefined)) as { token?: { name: string } } | undefined;
    if (body?.token?.name !== name) return;
    acknowledged.push(name);
    if (acknowledged.length >= killAfter) killing ??= ruche.killGroup();
  });
  await Promise.all(writes);
  await (killing ?? ruche.killGroup());
  return acknowledged;
}

beforeAll(async () => {
  dataDir = await createDataDir();
});
afterAll(async () => {
  await current?.killGroup();
  await dataDir.remove();
});

describe("durability", () => {
  it("keeps every acknowledged write through five power cuts of Ruche and its PostgreSQL", async () => {
    let ruche = await start();
    const session = await logIn(ruche);
    let acknowledgedInAll = 0;

    for (let round = 1; round <= ROUNDS; round += 1) {
      const acknowledged = await burstThenPowerCut(ruche, session, round, 3 + round * 4);
      // Some writes were acknowledged and others were still in flight when the power went.
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.length).toBeLessThan(BURST);
      acknowledgedInAll += acknowledged.length;

      ruche = await start();
      const stored = await listTokens(ruche, session);
      const names = new Set(stored.map((token) => token.name));
      expect(acknowledged.filter((name) => !names.has(name)), `round ${round}: acknowledged writes lost`).toEqual([]);

      // Revoke them so the next round stays under the per-person token limit.
      for (const token of stored) expect((await call(ruche, session, "DELETE", `/api/v1/me/tokens/${token.id}`)).status).toBe(204);
    }
    expect(acknowledgedInAll).toBeGreaterThanOrEqual(ROUNDS);
    await ruche.stop();
  }, 300_000);
});
