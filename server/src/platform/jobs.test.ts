import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../test/context.ts";
import { createScratchDatabase, type ScratchDatabase } from "../../test/scratch.ts";
import { Jobs } from "./jobs.ts";
import type { MailMessage } from "./mailer.ts";

let database: ScratchDatabase;
let jobs: Jobs;
const ran: string[] = [];

function message(subject: string): MailMessage {
  return { to: "someone@abeille.example", subject, text: subject, html: `<p>${subject}</p>` };
}

/** Jobs pg-boss holds with this subject, whatever their state. */
async function storedJobs(subject: string): Promise<unknown[]> {
  const { rows } = await sql<{ id: string }>`select id from pgboss.job where data->>'subject' = ${subject}`.execute(database.db);
  return rows;
}

beforeAll(async () => {
  database = await createScratchDatabase("jobs");
  jobs = new Jobs(database.connection, { pollingIntervalSeconds: 0.5 });
  await jobs.start();
  await jobs.work<MailMessage>("mail.send", async (data) => void ran.push(data.subject));
});
afterAll(async () => {
  await jobs.stop();
  await database.drop();
});

describe("background jobs", () => {
  it("runs a job sent in a transaction that commits", async () => {
    await database.db.transaction().execute((tx) => jobs.send("mail.send", message("committed"), {}, tx));
    await eventually(async () => (ran.includes("committed") ? true : undefined));
  });

  it("never runs a job sent in a transaction that rolls back", async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await jobs.send("mail.send", message("rolled back"), {}, tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    // A job sent afterwards runs: by then the rolled-back one would have too, had it existed.
    await jobs.send("mail.send", message("sent after"));
    await eventually(async () => (ran.includes("sent after") ? true : undefined));

    expect(ran).not.toContain("rolled back");
    expect(await storedJobs("rolled back")).toEqual([]);
  });

  it("runs a job once even when it is sent twice with the same id", async () => {
    const id = "0190f5c2-0000-7000-8000-000000000001";
    await jobs.send("mail.send", message("deduplicated"), { id });
    await jobs.send("mail.send", message("deduplicated"), { id }).catch(() => undefined);
    await eventually(async () => (ran.includes("deduplicated") ? true : undefined));
    await jobs.send("mail.send", message("marker"));
    await eventually(async () => (ran.includes("marker") ? true : undefined));

    expect(ran.filter((subject) => subject === "deduplicated")).toHaveLength(1);
  });
});
