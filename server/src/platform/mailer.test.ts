import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDirectory } from "../../test/scratch.ts";
import { startMailCatcher, type MailCatcher } from "../../test/smtp.ts";
import { Mailer, type MailMessage } from "./mailer.ts";

const invitation: MailMessage = {
  to: "Zoé.Martin@abeille.example",
  subject: "Invitation à rejoindre Coopérative Abeille",
  text: "Bonjour Zoé,\n\nCamille vous invite à rejoindre le réseau.\nhttps://ruche.abeille.example/invitations/abc",
  html: "<p>Bonjour Zoé,</p><p>Camille vous invite à rejoindre le réseau.</p>",
  headers: { "X-Ruche-Event": "invitation.created" },
};

let catcher: MailCatcher;
let mailDir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  catcher = await startMailCatcher();
  mailDir = await createScratchDirectory("mail");
});
afterAll(async () => {
  await catcher.close();
  await mailDir.remove();
});

describe("the mailer", () => {
  it("sends through SMTP_URL to a real SMTP server, in UTF-8, with both bodies", async () => {
    const mailer = new Mailer({ smtpUrl: catcher.url, from: "Ruche <ruche@abeille.example>", mailDir: mailDir.path });
    await mailer.send(invitation);
    mailer.close();

    const received = await catcher.waitFor("zoé.martin@abeille.example");
    expect(received.subject).toBe(invitation.subject);
    expect(received.from?.text).toBe('"Ruche" <ruche@abeille.example>');
    expect(received.text?.trim()).toBe(invitation.text);
    expect(received.html).toContain("Camille vous invite");
    expect(received.headers.get("x-ruche-event")).toBe("invitation.created");
  });

  it("writes a readable .eml under the mail directory when no SMTP_URL is set", async () => {
    const dir = path.join(mailDir.path, "mail");
    const mailer = new Mailer({ smtpUrl: undefined, from: "Ruche <ruche@abeille.example>", mailDir: dir });
    await mailer.send(invitation);
    mailer.close();

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = await readFile(path.join(dir, files[0] ?? ""));
    expect(raw.toString("utf8")).toMatch(/^Subject: /m);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(invitation.subject);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "").toBe("Zoé.Martin@abeille.example");
    expect(parsed.text?.trim()).toBe(invitation.text);
  });
});
