import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../../../test/context.ts";
import { PostgresPubSub } from "../../platform/pubsub.ts";
import { closeWorlds, listeners, notify, receives, world } from "./reconnect-testing.ts";

// The hub's pub/sub connection dies (a database restart, a failover): it reconnects by itself,
// and what was committed meanwhile still reaches connected clients. Redis: reconnect.redis.test.ts.

afterAll(closeWorlds);

describe("over PostgreSQL", () => {
  it("listens again after its connection is terminated, and delivers what was committed meanwhile", async () => {
    const { t, person, client } = await world({ work: false });
    expect(await receives(client, await notify(t, person.userId), 1000)).toBeDefined();

    const { rows } = await sql<{ ended: boolean }>`
      select pg_terminate_backend(pid) as ended from pg_stat_activity
      where application_name = ${PostgresPubSub.applicationName} and datname = current_database()
    `.execute(t.db);
    expect(rows.map((row) => row.ended)).toEqual([true]);
    await eventually(async () => ((await listeners(t)) === 0 ? true : undefined), 2000);
    const meanwhile = await notify(t, person.userId);
    // Nobody listened when it committed: only the catch-up after reconnecting can deliver it.
    expect(await listeners(t)).toBe(0);

    await receives(client, meanwhile, 3000);
    expect(await listeners(t)).toBe(1);
    const after = await notify(t, person.userId);
    await receives(client, after, 1000);
    const ids = client.messages.flatMap((message) => (message.type === "event" ? [message.id] : []));
    expect(ids.slice(1)).toEqual([meanwhile, after]);
    client.close();
  });
});
