import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import { buildUser, type Browser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { releaseDueDeliveries } from "../disconnect/deliveries.ts";
import { postThrough } from "../posts/testing.ts";
import { chooseEmail, mailsTo } from "./email-testing.ts";
import { mention, settle } from "./testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let owner: Browser;
let club: string;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url, publicUrl: "http://ruche.example" } });
  owner = await personBrowser(t, { display_name: "Olga Owner" });
  club = (await createThrough(owner, { name: "Chess club" })).id;
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

describe("immediate email through the right to disconnect", () => {
  it("mails a mention once, when its held delivery is released", async () => {
    const person = await buildUser(t.db, { language: "en", display_name: "Ivy Immediate" });
    await addMember(t, club, person.id);
    await chooseEmail(t, person.id, "immediate");
    const post = await postThrough(owner, club, `Your move, ${mention("Ivy Immediate", person.id)}`);
    await settle(t);
    const delivery = await eventually(() => t.db.selectFrom("notification_deliveries").select("due_at").where("user_id", "=", person.id).executeTakeFirst());
    await releaseDueDeliveries(t.runtime, { now: new Date(delivery.due_at.getTime() + 60_000) });
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("Olga Owner mentioned you in “Chess club”");
    expect(mail.html).toContain(`href="http://ruche.example/posts/${post.id}"`);
    await releaseDueDeliveries(t.runtime, { now: new Date(delivery.due_at.getTime() + 120_000) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mailsTo(catcher, person.email)).toHaveLength(1);
  });
});
