import type { AccessTokenPage, CreateAccessTokenBody, CreatedAccessToken, PageQuery } from "@ruche/contracts";
import type { Actor } from "../../platform/auth.ts";
import type { Db } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { hashSecret, newId, newSecret } from "../../platform/ids.ts";
import { appendEvent } from "../../platform/outbox.ts";
import { decodeCursor, pageOf } from "../../platform/pagination.ts";
import { assertMayCreateAccessToken } from "./policy.ts";
import { presentAccessToken } from "./present.ts";
import { countUsableAccessTokens, insertAccessToken, listAccessTokens, lockUser, revokeAccessToken } from "./repository.ts";

/** Marks Ruche's tokens so secret scanners and people recognise a leaked one. */
const SECRET_PREFIX = "ruche_pat_";
/** How much of the secret the list shows, to tell tokens apart without revealing them. */
const DISPLAY_LENGTH = SECRET_PREFIX.length + 6;
const MAX_USABLE_TOKENS = 50;

/** The caller's tokens that are not revoked, newest first. */
export async function listTokens(db: Db, actor: Actor, query: PageQuery): Promise<AccessTokenPage> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listAccessTokens(db, { userId: actor.id, after, limit: limit + 1 });
  const page = pageOf(rows, limit, (row) => [row.cursor_key, row.id]);
  return { items: page.items.map(presentAccessToken), nextCursor: page.nextCursor };
}

/** Creates a personal access token; its secret is in this answer and nowhere else, ever. */
export async function createToken(db: Db, actor: Actor, body: CreateAccessTokenBody): Promise<CreatedAccessToken> {
  assertMayCreateAccessToken(actor);
  const name = body.name.trim();
  if (!name) throw errors.invalidField("name", "must not be empty");
  const secret = `${SECRET_PREFIX}${newSecret()}`;
  const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
  return db.transaction().execute(async (tx) => {
    await lockUser(tx, actor.id);
    if ((await countUsableAccessTokens(tx, actor.id)) >= MAX_USABLE_TOKENS) {
      throw errors.invalidField("name", `you already have ${MAX_USABLE_TOKENS} active tokens; revoke one first`);
    }
    const row = await insertAccessToken(tx, {
      id: newId(),
      user_id: actor.id,
      name,
      prefix: secret.slice(0, DISPLAY_LENGTH),
      token_hash: hashSecret(secret),
      expires_at: expiresAt,
    });
    await appendEvent(tx, { type: "access_token.created", actorId: actor.id, subjectId: row.id });
    return { token: presentAccessToken(row), secret };
  });
}

/** Revokes one of the caller's tokens; someone else's and an unknown id get the same 404. */
export async function revokeToken(db: Db, actor: Actor, tokenId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (!(await revokeAccessToken(tx, { id: tokenId, userId: actor.id }))) throw errors.notFound("token");
    await appendEvent(tx, { type: "access_token.revoked", actorId: actor.id, subjectId: tokenId });
  });
}
