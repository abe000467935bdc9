import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn } from "../../../test/factories.ts";
import { startMailCatcher, type MailCatcher } from "../../../test/smtp.ts";
import { addMember, createThrough, personBrowser } from "../communities/testing.ts";
import { sendImmediateEmail } from "./email-channel.ts";
import { chooseEmail, notifyDirectly, unsubscribePath } from "./email-testing.ts";

let t: TestContext;
let catcher: MailCatcher;
let club: string;
let ownerId: string;

beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestContext({ config: { smtpUrl: catcher.url } });
  const owner = await personBrowser(t);
  ownerId = owner.userId;
  club = (await createThrough(owner, { name: "Chess club" })).id;
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

/** Someone with immediate email, and the one-click link of a notification mail sent to them. */
async function mailedPerson(language: "fr" | "en" = "en") {
  const person = await buildUser(t.db, { language });
  await addMember(t, club, person.id);
  await chooseEmail(t, person.id, "immediate");
  const id = await notifyDirectly(t, { userId: person.id, actorId: ownerId, communityId: club });
  await sendImmediateEmail(t.runtime, { userId: person.id, notificationIds: [id] });
  return { ...person, link: unsubscribePath(await catcher.waitFor(person.email)) };
}

const frequencyOf = async (userId: string) =>
  (await t.db.selectFrom("notification_settings").select("email").where("user_id", "=", userId).executeTakeFirst())?.email;

/** The link with its signature replaced. */
const withSignature = (link: string, signature: string) => link.replace(/signature=[\w-]+/, `signature=${signature}`);

describe("one-click unsubscribe", () => {
  it("stops all notification email on a one-click POST, with no session and no CSRF token", async () => {
    const person = await mailedPerson();
    const response = await t.app.inject({ method: "POST", url: person.link, headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "List-Unsubscribe=One-Click" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("You will no longer receive notification emails");
    expect(await frequencyOf(person.id)).toBe("none");
  });

  it("accepts the one-click POST as multipart form data too, as RFC 8058 allows", async () => {
    const person = await mailedPerson();
    const boundary = "----ruche-test";
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const response = await t.app.inject({ method: "POST", url: person.link, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload });
    expect(response.statusCode, response.body).toBe(200);
    expect(await frequencyOf(person.id)).toBe("none");
  });

  it("also unsubscribes a signed-in browser posting the confirmation form, without its CSRF token", async () => {
    const person = await mailedPerson("fr");
    const browser = await signIn(t.app, t.db, person.id);
    const response = await t.app.inject({ method: "POST", url: person.link, headers: { cookie: browser.cookie, "content-type": "application/x-www-form-urlencoded" }, payload: "List-Unsubscribe=One-Click" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain("Vous ne recevrez plus de notifications par e-mail");
    expect(await frequencyOf(person.id)).toBe("none");
  });

  it("shows a confirmation page on GET, whose button posts to the link, and changes nothing", async () => {
    const person = await mailedPerson("fr");
    const response = await t.app.inject({ method: "GET", url: person.link });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain('<form method="post"');
    expect(response.body).toContain("Ne plus recevoir d&#39;e-mails");
    const action = response.body.match(/action="([^"]+)"/)?.[1]?.replace(/&#38;/g, "&");
    expect(action).toBe(person.link);
    expect(await frequencyOf(person.id)).toBe("immediate");
  });

  it("refuses a tampered signature and changes nothing", async () => {
    const person = await mailedPerson();
    const tampered = withSignature(person.link, "A".repeat(43));
    for (const method of ["GET", "POST"] as const) {
      const response = await t.app.inject({ method, url: tampered });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("unsubscribe_link_invalid");
    }
    expect(await frequencyOf(person.id)).toBe("immediate");
  });

  it("refuses someone else's signature and changes nothing", async () => {
    const victim = await mailedPerson();
    const attacker = await mailedPerson();
    const signature = attacker.link.match(/signature=([\w-]+)/)?.[1] ?? "";
    const response = await t.app.inject({ method: "POST", url: withSignature(victim.link, signature) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("unsubscribe_link_invalid");
    expect(await frequencyOf(victim.id)).toBe("immediate");
  });

  it("names the field of a malformed link", async () => {
    const person = await mailedPerson();
    const response = await t.app.inject({ method: "POST", url: withSignature(person.link, "short") });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("signature");
  });
});
