import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, type Browser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { createSession } from "../../platform/auth.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { sendDigests } from "./digest.ts";
import { chooseEmail, mailsTo, notifyDirectly, postDirectly } from "./email-testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let owner: Browser;
let ownerId: string;
let club: string;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url, publicUrl: "http://ruche.example" } });
  owner = await personBrowser(t, { display_name: "Olga Owner" });
  ownerId = owner.userId;
  club = (await createThrough(owner, { name: "Chess club" })).id;
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

// Each test runs in a week of its own, in 2030, after every session the test makes for real.
// The organisation works Monday to Friday, 08:00 to 19:00, Europe/Paris (UTC+2 in summer).
const at = (iso: string) => new Date(iso);
const digests = async (iso: string) => (await sendDigests(t.runtime, at(iso))).mailed;

/** A member of the club who never used the app (no session, no token). */
async function member(language: "fr" | "en" = "en") {
  const person = await buildUser(t.db, { language });
  await addMember(t, club, person.id);
  return person;
}

async function mentionIn(userId: string, communityId: string, text: string, when: string): Promise<string> {
  const postId = await postDirectly(t, { communityId, authorId: ownerId, text });
  await notifyDirectly(t, { userId, actorId: ownerId, communityId, postId, at: at(when) });
  return postId;
}

describe("email digests", () => {
  it("sends a daily digest at the start of the working day to someone who has not used the app", async () => {
    const person = await member("en");
    const postId = await mentionIn(person.id, club, "Opening gambits", "2030-06-18T15:00:00Z");
    await notifyDirectly(t, { userId: person.id, actorId: ownerId, communityId: club, at: at("2030-06-18T16:00:00Z") });
    expect(await digests("2030-06-19T05:30:00Z")).not.toContain(person.id);
    expect(await digests("2030-06-19T06:05:00Z")).toContain(person.id);
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("Your daily digest: 2 notifications");
    expect(mail.html).toContain(`href="http://ruche.example/posts/${postId}"`);
    expect(mail.text).toContain("Opening gambits");
    expect(mail.text).toContain("Olga Owner invited you to join “Chess club”");
  });

  it("sends none to someone who used the app since the notifications came", async () => {
    const person = await member("en");
    await createSession(t.db, { userId: person.id });
    await t.db.updateTable("sessions").set({ last_used_at: at("2030-06-25T20:00:00Z") }).where("user_id", "=", person.id).execute();
    await mentionIn(person.id, club, "Seen in the app", "2030-06-25T15:00:00Z");
    expect(await digests("2030-06-26T06:05:00Z")).not.toContain(person.id);
    // What came after they left is news: the next day's digest holds it, and only it.
    await mentionIn(person.id, club, "Came after", "2030-06-26T09:00:00Z");
    expect(await digests("2030-06-27T06:05:00Z")).toContain(person.id);
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("Your daily digest: 1 notification");
    expect(mail.text).toContain("Came after");
    expect(mail.text).not.toContain("Seen in the app");
  });

  it("holds only what is unread and new since the last digest, and a re-run sends nothing twice", async () => {
    const person = await member("fr");
    await mentionIn(person.id, club, "Premier coup", "2030-07-02T15:00:00Z");
    expect(await digests("2030-07-03T06:05:00Z")).toContain(person.id);
    expect(await digests("2030-07-03T06:20:00Z")).not.toContain(person.id);
    await mentionIn(person.id, club, "Deuxième coup", "2030-07-03T12:00:00Z");
    const readPost = await postDirectly(t, { communityId: club, authorId: ownerId, text: "Déjà lu" });
    await notifyDirectly(t, { userId: person.id, actorId: ownerId, communityId: club, postId: readPost, at: at("2030-07-03T13:00:00Z"), read: true });
    expect(await digests("2030-07-04T06:05:00Z")).toContain(person.id);
    expect(await digests("2030-07-04T06:50:00Z")).not.toContain(person.id);
    await eventuallyCount(person.email, 2);
    const mails = mailsTo(catcher, person.email);
    expect(mails.map((mail) => mail.subject)).toEqual(["Votre résumé du jour : 1 notification", "Votre résumé du jour : 1 notification"]);
    const texts = mails.map((mail) => mail.text ?? "");
    expect(texts.filter((text) => text.includes("Premier coup"))).toHaveLength(1);
    const latest = texts.find((text) => text.includes("Deuxième coup"));
    expect(latest).not.toContain("Premier coup");
    expect(latest).not.toContain("Déjà lu");
  });

  it("leaves out a community the person has left, and mails nothing when that was all", async () => {
    const stayer = await member("en");
    const leaver = await member("en");
    const closed = (await createThrough(owner, { name: `Board ${newId().slice(-6)}`, visibility: "closed" })).id;
    for (const person of [stayer, leaver]) {
      await addMember(t, closed, person.id);
      await mentionIn(person.id, closed, "Board minutes", "2030-07-09T15:00:00Z");
      await t.db.deleteFrom("community_members").where("community_id", "=", closed).where("user_id", "=", person.id).execute();
    }
    await mentionIn(stayer.id, club, "Club news", "2030-07-09T16:00:00Z");
    const mailed = await digests("2030-07-10T06:05:00Z");
    expect(mailed).toContain(stayer.id);
    expect(mailed).not.toContain(leaver.id);
    const mail = await catcher.waitFor(stayer.email);
    expect(mail.text).toContain("Club news");
    expect(mail.text).not.toContain("Board minutes");
  });

  it("sends a weekly digest on the first working day of the week only", async () => {
    const person = await member("en");
    await chooseEmail(t, person.id, "weekly");
    await mentionIn(person.id, club, "Last week", "2030-07-16T15:00:00Z");
    expect(await digests("2030-07-17T06:05:00Z")).toContain(person.id);
    await mentionIn(person.id, club, "This week", "2030-07-18T15:00:00Z");
    expect(await digests("2030-07-19T06:05:00Z")).not.toContain(person.id);
    expect(await digests("2030-07-22T05:50:00Z")).not.toContain(person.id);
    expect(await digests("2030-07-22T06:05:00Z")).toContain(person.id);
    await eventuallyCount(person.email, 2);
    expect(mailsTo(catcher, person.email).map((mail) => mail.subject)).toEqual(["Your weekly digest: 1 notification", "Your weekly digest: 1 notification"]);
  });

  it("sends nothing to someone who chose no email or immediate email", async () => {
    const quiet = await member("en");
    const eager = await member("en");
    await chooseEmail(t, quiet.id, "none");
    await chooseEmail(t, eager.id, "immediate");
    for (const person of [quiet, eager]) await mentionIn(person.id, club, "Anything", "2030-07-23T15:00:00Z");
    const mailed = await digests("2030-07-24T06:05:00Z");
    expect(mailed).not.toContain(quiet.id);
    expect(mailed).not.toContain(eager.id);
  });
});

async function eventuallyCount(address: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (mailsTo(catcher, address).length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} mails to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
