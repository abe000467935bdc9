import { randomBytes } from "node:crypto";
import path from "node:path";
import { createSession } from "../src/platform/auth.ts";
import type { Db } from "../src/platform/db.ts";
import { hashSecret, newId, newSecret } from "../src/platform/ids.ts";
import { appendEvent } from "../src/platform/outbox.ts";
import { LocalDiskStorage, newStorageKey } from "../src/platform/storage.ts";
import { buildUser } from "./factories.ts";
import { populateDisconnect, populateEmail, populatePush, populateScheduledPosts } from "./populate-features.ts";

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
  // A guest in a closed project: the project's guest count (kept by triggers) must survive a restore.
  const partner = await buildUser(db, { role: "guest", display_name: "Paul Partenaire", department: null });

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
    { community_id: project, user_id: partner.id, role: "member" },
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
  await populateConversation(db, { communityId: project, authorId: manager.id, readerId: report.id });
  await populateAttachments(db, dataDir, { communityId: project, authorId: manager.id });
  await populatePosts(db, { communityId: project, authorId: manager.id, readerId: report.id });
  await populateFollowsAndReads(db, { communityId: project, authorId: manager.id, readerId: report.id });
  await appendEvent(db, { type: "invitation.created", actorId: manager.id, subjectId: report.id, payload: { email: report.email, nested: { ok: true } } });
  await db.insertInto("server_secrets").values({ name: "populate-key", value: "a secret\twith a tab" }).execute();
  const people = { adminId: manager.id, memberId: report.id, communityId: project };
  await populateDisconnect(db, people);
  await populatePush(db, people);
  await populateEmail(db, people);
  await populateScheduledPosts(db, people);
}

/** An edited post with a topic and a mention, bookmarked and followed: the rows of the posts module's tables. */
async function populatePosts(db: Db, input: { communityId: string; authorId: string; readerId: string }): Promise<void> {
  const postId = newId();
  const topicId = newId();
  const createdAt = new Date(Date.now() - DAY);
  const mention = `<a class="mention" data-person-id="${input.readerId}" href="/people/${input.readerId}" rel="noopener nofollow ugc">@Rapport</a>`;
  await db
    .insertInto("posts")
    .values({
      id: postId,
      community_id: input.communityId,
      author_id: input.authorId,
      body: `Merci [@Rapport](mention:${input.readerId}) pour la #Rétrospective\n\t« tabulée »`,
      body_html: `<p>Merci ${mention} pour la <a class="topic" href="/topics/retrospective" rel="noopener nofollow ugc">#Rétrospective</a></p>`,
      created_at: createdAt,
      edited_at: new Date(),
      pinned_at: new Date(),
      pinned_by: input.authorId,
    })
    .execute();
  await db.insertInto("post_revisions").values({ post_id: postId, version: 1, body: "Première\tversion \\ avec \"guillemets\"", edited_by: input.authorId, created_at: createdAt }).execute();
  await db.insertInto("topics").values({ id: topicId, slug: "retrospective", name: "Rétrospective" }).execute();
  await db.insertInto("post_topics").values({ topic_id: topicId, post_id: postId, community_id: input.communityId, created_at: createdAt }).execute();
  await db.insertInto("post_mentions").values({ post_id: postId, user_id: input.readerId }).execute();
  await db.insertInto("bookmarks").values({ user_id: input.readerId, post_id: postId }).execute();
  await db
    .insertInto("post_follows")
    .values([
      { post_id: postId, user_id: input.authorId, following: false },
      { post_id: postId, user_id: input.readerId, following: true },
    ])
    .execute();
}

/**
 * A post with a poll, a comment and a reply that mention people, and reactions and votes on them:
 * the rows of the comments, reactions and polls tables.
 */
async function populateConversation(db: Db, input: { communityId: string; authorId: string; readerId: string }): Promise<void> {
  const postId = newId();
  await db
    .insertInto("posts")
    .values({ id: postId, community_id: input.communityId, author_id: input.authorId, body: "Quel jour pour la rétro ?", body_html: "<p>Quel jour pour la rétro ?</p>", reaction_counts: JSON.stringify({ like: 1 }) })
    .execute();
  const commentId = newId();
  const replyId = newId();
  await db
    .insertInto("comments")
    .values([
      { id: commentId, post_id: postId, author_id: input.readerId, body: "Jeudi\tmatin \\ ou vendredi", body_html: "<p>Jeudi matin</p>", reaction_counts: JSON.stringify({ celebrate: 1 }) },
      { id: replyId, post_id: postId, parent_id: commentId, author_id: input.authorId, body: `Merci [@Rapport](mention:${input.readerId})`, body_html: `<p>Merci <a class="mention" href="/people/${input.readerId}">@Rapport</a></p>`, edited_at: new Date() },
    ])
    .execute();
  await db.updateTable("posts").set({ comment_count: 2 }).where("id", "=", postId).execute();
  await db.insertInto("comment_mentions").values({ comment_id: replyId, user_id: input.readerId }).execute();
  await db.insertInto("post_reactions").values({ post_id: postId, user_id: input.readerId, kind: "like" }).execute();
  await db.insertInto("comment_reactions").values({ comment_id: commentId, user_id: input.authorId, kind: "celebrate" }).execute();
  await populateNotifications(db, { ...input, postId, commentId, replyId });
  await db.insertInto("polls").values({ post_id: postId, multiple: false, closes_at: new Date(Date.now() + DAY), results_visible: "after_vote" }).execute();
  const optionIds = [newId(), newId()];
  await db
    .insertInto("poll_options")
    .values([
      { id: optionIds[0] as string, post_id: postId, position: 0, label: "Jeudi", vote_count: 1 },
      { id: optionIds[1] as string, post_id: postId, position: 1, label: "Vendredi", vote_count: 0 },
    ])
    .execute();
  await db.insertInto("poll_votes").values({ option_id: optionIds[0] as string, post_id: postId, user_id: input.readerId }).execute();
}

/** A post with an image and a file attached and its link's preview, and an upload not attached yet. */
async function populateAttachments(db: Db, dataDir: string, input: { communityId: string; authorId: string }): Promise<void> {
  const postId = newId();
  const link = "https://example.org/ruches-urbaines";
  await db
    .insertInto("posts")
    .values({ id: postId, community_id: input.communityId, author_id: input.authorId, body: `Voir ${link}`, body_html: `<p>Voir <a href="${link}" rel="noopener nofollow ugc">${link}</a></p>` })
    .execute();
  const file = (purpose: string) => storeFile(db, dataDir, { ownerId: input.authorId, purpose, data: randomBytes(512) });
  await db
    .insertInto("attachments")
    .values([
      { id: newId(), uploader_id: input.authorId, file_id: await file("attachment"), thumbnail_file_id: await file("attachment-thumbnail"), kind: "image", name: "Plan « rucher ».webp", post_id: postId, position: 0 },
      { id: newId(), uploader_id: input.authorId, file_id: await file("attachment"), kind: "file", name: "Compte-rendu de l'AG 2024.pdf", post_id: postId, position: 1 },
      { id: newId(), uploader_id: input.authorId, file_id: await file("attachment"), kind: "file", name: "brouillon.txt" },
    ])
    .execute();
  await db
    .insertInto("link_previews")
    .values({
      post_id: postId,
      url: link,
      status: "ready",
      title: "Les ruches\tde Lyon",
      description: "Deux lignes\nd'explication",
      site_name: "example.org",
      image_file_id: await storeFile(db, dataDir, { ownerId: null, purpose: "preview", data: randomBytes(256) }),
      fetched_at: new Date(),
    })
    .execute();
}

/** A must-read announcement acknowledged and read on two days, and people and a topic followed: the rows of the feeds' tables. */
async function populateFollowsAndReads(db: Db, input: { communityId: string; authorId: string; readerId: string }): Promise<void> {
  const postId = newId();
  const topicId = newId();
  await db
    .insertInto("posts")
    .values({ id: postId, community_id: input.communityId, author_id: input.authorId, body: "**À lire** avant lundi", body_html: "<p><strong>À lire</strong> avant lundi</p>", announcement: true, must_read: true })
    .execute();
  await db.insertInto("announcement_acks").values({ post_id: postId, user_id: input.readerId }).execute();
  await db
    .insertInto("post_reads")
    .values([
      { post_id: postId, user_id: input.readerId, day: "2025-03-30" },
      { post_id: postId, user_id: input.readerId, day: "2025-03-31" },
    ])
    .execute();
  await db.insertInto("topics").values({ id: topicId, slug: "securite", name: "Sécurité" }).execute();
  await db.insertInto("topic_follows").values({ user_id: input.readerId, topic_id: topicId }).execute();
  await db
    .insertInto("person_follows")
    .values([
      { follower_id: input.readerId, followed_id: input.authorId },
      { follower_id: input.authorId, followed_id: input.readerId },
    ])
    .execute();
}

/** The reader is told of the reply and the reaction; settings and a community level of their own. */
async function populateNotifications(db: Db, input: { communityId: string; authorId: string; readerId: string; postId: string; commentId: string; replyId: string }): Promise<void> {
  await db
    .insertInto("notifications")
    .values([
      { id: newId(), user_id: input.readerId, kind: "reply", community_id: input.communityId, post_id: input.postId, comment_id: input.replyId, actor_ids: [input.authorId], actor_count: 1 },
      { id: newId(), user_id: input.readerId, kind: "reaction", group_key: `reaction:comment:${input.commentId}`, community_id: input.communityId, post_id: input.postId, comment_id: input.commentId, actor_ids: [input.authorId], grouped_actor_ids: [input.authorId], actor_count: 1, read_at: new Date() },
    ])
    .execute();
  const event = await appendEvent(db, { type: "comment.created", actorId: input.authorId, subjectId: input.replyId, payload: { postId: input.postId, parentId: input.commentId, mentionedIds: [input.readerId] } });
  await db.insertInto("notification_receipts").values({ event_id: event, user_id: input.readerId }).execute();
  await db.insertInto("notification_settings").values({ user_id: input.readerId, email: "weekly", default_level: "all" }).execute();
  await db.insertInto("community_notification_levels").values({ user_id: input.readerId, community_id: input.communityId, level: "highlights" }).execute();
}
