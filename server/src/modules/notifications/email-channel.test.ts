import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { newId } from "../../platform/ids.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import type { Browser } from "../../../test/factories.ts";
import { emailChannel, sendImmediateEmail } from "./email-channel.ts";
import { chooseEmail, mailsTo, notifyDirectly, postDirectly, rawHeader } from "./email-testing.ts";

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

/** A person who chose immediate email, member of the club, in `language`. */
async function immediatePerson(language: "fr" | "en" = "en") {
  const person = await buildUser(t.db, { language });
  await addMember(t, club, person.id);
  await chooseEmail(t, person.id, "immediate");
  return person;
}

const deliver = (userId: string, notificationIds: string[]) => sendImmediateEmail(t.runtime, { userId, notificationIds });

describe("immediate notification email", () => {
  it("mails one notification's sentence, excerpt and link, in HTML and text", async () => {
    const person = await immediatePerson("en");
    const postId = await postDirectly(t, { communityId: club, authorId: owner.userId, text: "Tournament on Friday" });
    const id = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club, postId });
    await emailChannel.deliver(t.runtime, { userId: person.id, notificationIds: [id], deliveryIds: [newId()], urgent: false });
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("Olga Owner mentioned you in “Chess club”");
    expect(mail.text).toContain("Tournament on Friday");
    expect(mail.text).toContain(`http://ruche.example/posts/${postId}`);
    expect(mail.html).toContain(`href="http://ruche.example/posts/${postId}"`);
    expect(mail.html).toContain("Tournament on Friday");
  });

  it("sends nothing to someone on the daily digest, the default", async () => {
    const person = await buildUser(t.db, { language: "en" });
    await addMember(t, club, person.id);
    const id = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club });
    expect(await deliver(person.id, [id])).toBe(false);
    await chooseEmail(t, person.id, "weekly");
    expect(await deliver(person.id, [id])).toBe(false);
    expect(mailsTo(catcher, person.email)).toEqual([]);
  });

  it("sums up several notifications in one mail, each line linking to its post", async () => {
    const person = await immediatePerson("en");
    const posts = [await postDirectly(t, { communityId: club, authorId: owner.userId, text: "First" }), await postDirectly(t, { communityId: club, authorId: owner.userId, text: "Second" })];
    const ids = [
      ...(await Promise.all(posts.map((postId) => notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club, postId, kind: "community_post" })))),
      await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club, kind: "invitation" }),
    ];
    await deliver(person.id, ids);
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("3 notifications while you were away");
    for (const postId of posts) expect(mail.html).toContain(`href="http://ruche.example/posts/${postId}"`);
    expect(mail.html).toContain(`href="http://ruche.example/communities/${club}"`);
    expect(mail.text).toContain("Olga Owner invited you to join “Chess club”");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(catcher, person.email)).toHaveLength(1);
  });

  it("writes in French to a French speaker", async () => {
    const person = await immediatePerson("fr");
    const postId = await postDirectly(t, { communityId: club, authorId: owner.userId, text: "Tournoi vendredi" });
    const ids = [await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club, postId }), await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club })];
    await deliver(person.id, ids);
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("2 notifications pendant votre absence");
    expect(mail.text).toContain("Olga Owner vous a mentionné·e dans « Chess club »");
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("leaves out what was read or can no longer be read, and sends nothing when none is left", async () => {
    const person = await immediatePerson("en");
    const secret = (await createThrough(owner, { name: `Secret ${newId().slice(-6)}`, visibility: "secret" })).id;
    const hidden = await postDirectly(t, { communityId: secret, authorId: owner.userId, text: "Not for you" });
    const read = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club, read: true });
    const unreadable = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: secret, postId: hidden });
    expect(await deliver(person.id, [read, unreadable])).toBe(false);
    const kept = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club, kind: "announcement" });
    expect(await deliver(person.id, [read, unreadable, kept])).toBe(true);
    const mail = await catcher.waitFor(person.email);
    expect(mail.subject).toBe("Announcement from Olga Owner in “Chess club”");
    expect(mail.text).not.toContain("Not for you");
  });

  it("mails a notification delivered again (a grouped reaction that gained someone), but not a retried delivery", async () => {
    const person = await immediatePerson("en");
    const id = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club });
    const delivery = { userId: person.id, notificationIds: [id], urgent: false };
    const first = newId();
    await emailChannel.deliver(t.runtime, { ...delivery, deliveryIds: [first] });
    await emailChannel.deliver(t.runtime, { ...delivery, deliveryIds: [first] });
    await emailChannel.deliver(t.runtime, { ...delivery, deliveryIds: [newId()] });
    await expect.poll(() => mailsTo(catcher, person.email).length, { timeout: 10_000 }).toBe(2);
    // The retried one had the first one's job id: nothing more comes once the queue is idle.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(mailsTo(catcher, person.email)).toHaveLength(2);
  });

  it("carries List-Unsubscribe headers with a signed one-click link", async () => {
    const person = await immediatePerson("en");
    const id = await notifyDirectly(t, { userId: person.id, actorId: owner.userId, communityId: club });
    await deliver(person.id, [id]);
    const mail = await catcher.waitFor(person.email);
    const link = rawHeader(mail, "List-Unsubscribe")?.replace(/\r?\n\s*/g, "");
    expect(link).toMatch(new RegExp(`^<http://ruche\\.example/api/v1/notifications/unsubscribe\\?user=${person.id}&stop=email&signature=[\\w-]{43}>$`));
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.html).toContain("Stop notification emails");
  });
});
