import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { enqueueEventMail, loadMailContext, mailJobId, pickLanguage, renderEmail } from "./email-layout.ts";
import { appendEvent } from "./outbox.ts";

let t: TestContext;
beforeAll(async () => {
  // No worker: the queued job stays in the queue where the test can count it.
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

const context = { language: "en" as const, organisationName: "Acme <R&D>" };
const content = {
  subject: "Hello",
  heading: "Welcome",
  paragraphs: ["First <b>paragraph</b>"],
  action: { label: "Open", url: "https://ruche.example/x?token=abc&y=1" },
  footnote: "Small print",
};

describe("transactional mail layout", () => {
  it("prefers the person's language and falls back to the organisation's", () => {
    expect(pickLanguage("en", "fr")).toBe("en");
    expect(pickLanguage(null, "fr")).toBe("fr");
  });

  it("reads the organisation's name and language for a newcomer", async () => {
    await t.db.updateTable("organisation").set({ name: "Acme", default_language: "en" }).execute();
    expect(await loadMailContext(t.db, null)).toEqual({ language: "en", organisationName: "Acme" });
  });

  it("escapes text in the HTML body and keeps it as is in the plain-text body", () => {
    const message = renderEmail("a@acme.example", content, context);
    expect(message.html).toContain("First &#60;b&#62;paragraph&#60;/b&#62;");
    expect(message.html).toContain("Acme &#60;R&#38;D&#62;");
    expect(message.html).toContain('href="https://ruche.example/x?token=abc&#38;y=1"');
    expect(message.text).toContain("First <b>paragraph</b>");
    expect(message.text).toContain("https://ruche.example/x?token=abc&y=1");
    expect(message.text).toContain("Acme <R&D>, on Ruche");
  });

  it("signs in French for a French reader", () => {
    const message = renderEmail("a@acme.example", content, { language: "fr", organisationName: "Acme" });
    expect(message.text).toContain("Acme, sur Ruche");
    expect(message.html).toContain('<html lang="fr">');
  });

  it("derives the same job id from the same event and purpose, and another for another purpose", () => {
    const eventId = "0190c5a8-0000-7000-8000-000000000001";
    expect(mailJobId(eventId)).toBe(mailJobId(eventId));
    expect(mailJobId(eventId, "notice")).not.toBe(mailJobId(eventId));
  });

  it("queues one mail however often an event is handled, and scrubs its token", async () => {
    const eventId = await appendEvent(t.db, { type: "test.mail", payload: { token: "secret-token", email: "a@acme.example" } });
    const event = await t.db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
    const message = renderEmail("a@acme.example", content, context);
    for (let i = 0; i < 2; i++) {
      await t.db.transaction().execute((tx) => enqueueEventMail(t.runtime.jobs, tx, { event, message }));
    }
    const jobs = await sql<{ count: string }>`select count(*) from pgboss.job where id = ${mailJobId(eventId)}::uuid`.execute(t.db);
    expect(Number(jobs.rows[0]?.count)).toBe(1);
    const stored = await t.db.selectFrom("events").select("payload").where("id", "=", eventId).executeTakeFirstOrThrow();
    expect(stored.payload).toEqual({ email: "a@acme.example" });
  });
});
