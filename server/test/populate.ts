import { randomBytes } from "node:crypto";
import path from "node:path";
import { createSession } from "../src/platform/auth.ts";
import type { Db } from "../src/platform/db.ts";
import { hashSecret, newId, newSecret } from "../src/platform/ids.ts";
import { appendEvent } from "../src/platform/outbox.ts";
import { LocalDiskStorage, newStorageKey } from "../src/platform/storage.ts";
import { buildUser } from "./factories.ts";

const DAY = 86_400_000;

/** Stores bytes under a fresh key in `dataDir/files` with its `files` row, as an upload would. */
async function storeFile(db: Db, dataDir: string, input: { ownerId: string | null; purpose: string; data: Buffer }): Promise<string> {
  const key = newStorageKey(input.purpose, "webp");
  await new LocalDiskStorage(path.join(dataDir, "files")).put(key, input.data);
  const id = newId();
  await db
    .insertInto("files")
    .values({ id, owner_id: input.ownerId, purpose: input.purpose, mime_type: "image/webp", byte_size: input.data.length, storage_key: key, width: 256, height: 256 })
    .execute();
  return id;
}

/**
 * Puts realistic rows in every table Ruche has, and real files under `dataDir/files`: text that
 * COPY must escape (tabs, newlines, backslashes, accents), arrays, JSON, nulls and a self-reference.
 */
export async function populateEveryTable(db: Db, dataDir: string): Promise<void> {
  const manager = await buildUser(db, {
    role: "admin",
    display_name: "Hélène Dupré",
    job_title: "Directrice technique",
    skills: ["PostgreSQL", "Go"],
    languages: ["fr", "en"],
    working_hours: JSON.stringify([{ day: 1, start: "09:00", end: "17:30" }]),
    language: "fr",
    timezone: "Europe/Paris",
  });
  const avatar = await storeFile(db, dataDir, { ownerId: manager.id, purpose: "avatar", data: randomBytes(4096) });
  await db.updateTable("users").set({ avatar_file_id: avatar }).where("id", "=", manager.id).execute();
  const logo = await storeFile(db, dataDir, { ownerId: null, purpose: "logo", data: Buffer.from([0, 1, 2, 255, 10, 13, 92]) });
  await db
    .updateTable("organisation")
    .set({ name: "Coopérative Abeille", allowed_signup_domains: ["abeille.example"], members_can_invite: true, logo_file_id: logo })
    .execute();

  const report = await buildUser(db, {
    manager_id: manager.id,
    bio: "Line one\nLine\ttwo with a \\ backslash, a \"quote\" and 'apostrophe' — ünïcödé 🐝",
    phone: null,
    department: "R&D",
    location: "Lyon",
  });
  const departed = await buildUser(db, { status: "deactivated", deactivated_at: new Date(), password_hash: null, manager_id: manager.id });

  await createSession(db, { userId: report.id, userAgent: "Mozilla/5.0 (X11; Linux x86_64)", ip: "192.0.2.10" });
  await db
    .insertInto("access_tokens")
    .values({ id: newId(), user_id: manager.id, name: "CI export", prefix: "ru_abcd", token_hash: hashSecret(newSecret()), expires_at: new Date(Date.now() + 30 * DAY) })
    .execute();
  await db
    .insertInto("invitations")
    .values([
      { id: newId(), email: "new.colleague@abeille.example", role: "member", invited_by: manager.id, token_hash: hashSecret(newSecret()), expires_at: new Date(Date.now() + 7 * DAY) },
      {
        id: newId(),
        email: report.email,
        role: "member",
        invited_by: manager.id,
        token_hash: hashSecret(newSecret()),
        expires_at: new Date(Date.now() + 7 * DAY),
        accepted_at: new Date(),
        accepted_user_id: report.id,
      },
    ])
    .execute();
  await db
    .insertInto("email_tokens")
    .values({ token_hash: hashSecret(newSecret()), purpose: "reset_password", user_id: report.id, email: report.email, expires_at: new Date(Date.now() + DAY) })
    .execute();
  await db.insertInto("login_failures").values([{ user_id: departed.id }, { user_id: departed.id }, { user_id: report.id }]).execute();
  const project = newId();
  await db
    .insertInto("communities")
    .values({ id: project, kind: "project", visibility: "closed", name: "Projet Ruche", description: "Le réseau social", created_by: manager.id })
    .execute();
  await db.insertInto("community_members").values([
    { community_id: project, user_id: manager.id, role: "owner" },
    { community_id: project, user_id: report.id, role: "member" },
  ]).execute();
  await db
    .insertInto("community_charters")
    .values({ community_id: project, version: 1, text: "Bienveillance et confidentialité", required: true, created_by: manager.id })
    .execute();
  await db.updateTable("communities").set({ charter_version: 1 }).where("id", "=", project).execute();
  await db.insertInto("charter_acceptances").values({ community_id: project, user_id: report.id, version: 1 }).execute();
  await db
    .insertInto("community_requests")
    .values({ id: newId(), community_id: project, user_id: departed.id, message: "Je peux aider", status: "refused", decided_by: manager.id, decided_at: new Date(), reason: "Projet terminé" })
    .execute();
  await db.insertInto("community_invitations").values({ id: newId(), community_id: project, user_id: departed.id, invited_by: manager.id, status: "pending" }).execute();
  await appendEvent(db, { type: "invitation.created", actorId: manager.id, subjectId: report.id, payload: { email: report.email, nested: { ok: true } } });
}
