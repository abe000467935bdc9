import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { openDb, PREPARED_PER_CONNECTION, type Db } from "./db.ts";

let t: TestContext;
let db: Db;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  // One connection, so that every query below runs in the session whose statements are listed.
  db = openDb(t.runtime.connection, 1).db;
});
afterAll(async () => {
  await db.destroy();
  await t.close();
});

const preparedTexts = async () =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'ruche_%'`.execute(db)).rows.map((row) => row.statement);

describe("prepared statements", () => {
  it("prepares a query with parameters once per connection, and answers it each time", async () => {
    const find = (email: string) => db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(await find("nobody@example.com")).toEqual([]);
    expect(await find("someone@example.com")).toEqual([]);
    const texts = await preparedTexts();
    expect(texts.filter((text) => text.includes('from "users" where "email" = $1'))).toHaveLength(1);
  });

  it("leaves queries without parameters unprepared, so several statements still run as one", async () => {
    await sql`select 1; select 2`.execute(db);
    expect((await preparedTexts()).some((text) => text.includes("select 2"))).toBe(false);
  });

  it("stops preparing at the cap, and still answers the queries past it", async () => {
    for (let index = 0; index < PREPARED_PER_CONNECTION + 3; index += 1) {
      const { rows } = await sql<{ value: number }>`select ${index}::int + ${sql.raw(String(index))} as value`.execute(db);
      expect(rows[0]?.value).toBe(index * 2);
    }
    expect(await preparedTexts()).toHaveLength(PREPARED_PER_CONNECTION);
  });
});

describe("session settings", () => {
  it("turns JIT compilation off, which costs short queries more than it saves", async () => {
    const { rows } = await sql<{ jit: string }>`show jit`.execute(db);
    expect(rows[0]?.jit).toBe("off");
  });

  it("keeps options given with the connection beside it", async () => {
    const { db: tuned } = openDb({ ...t.runtime.connection, options: "-c work_mem=8MB" }, 1);
    try {
      const { rows } = await sql<{ jit: string; work_mem: string }>`select current_setting('jit') as jit, current_setting('work_mem') as work_mem`.execute(tuned);
      expect(rows[0]).toEqual({ jit: "off", work_mem: "8MB" });
    } finally {
      await tuned.destroy();
    }
  });
});
