import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn } from "../../../test/factories.ts";
import { setOrganisation, tokenFromMail } from "./testing.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await setOrganisation(t.db, { name: "Acme", defaultLanguage: "en" });
});
afterAll(() => t.close());

async function mailFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
}

describe("invitation mail without SMTP_URL", () => {
  it("lands as an .eml file under the data directory, with a working link", async () => {
    const admin = await signIn(t.app, t.db, (await buildUser(t.db, { role: "admin", display_name: "Ada Admin" })).id);
    const response = await admin.inject({ method: "POST", url: "/api/v1/invitations", payload: { email: "newcomer@acme.example" } });
    expect(response.statusCode).toBe(201);
    const dir = path.join(t.config.dataDir, "mail");
    const [file] = await eventually(async () => {
      const files = await mailFiles(dir);
      return files.length > 0 ? files : undefined;
    });
    const mail = await simpleParser(await readFile(path.join(dir, file ?? "")));
    expect(mail.headers.get("to")).toMatchObject({ text: "newcomer@acme.example" });
    expect(mail.subject).toBe("Ada Admin invites you to join Acme on Ruche");
    const token = tokenFromMail(mail, "/invitations/accept");
    const preview = await t.app.inject({ method: "GET", url: `/api/v1/invitations/preview?token=${token}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().email).toBe("newcomer@acme.example");
  });
});
