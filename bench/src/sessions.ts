import { sql } from "kysely";
import { hashSecret, newSecret } from "../../server/src/platform/ids.ts";
import type { Db } from "../../server/src/platform/db.ts";
import type { NetworkRole } from "../../server/src/platform/schema.ts";

/** A signed-in person the load is spread over, with what their requests need. */
export interface BenchSession {
  userId: string;
  role: NetworkRole;
  /** The Cookie header Ruche expects (`ruche_session`, as served over http). */
  cookie: string;
  csrfToken: string;
  /** The communities they belong to: where they read a community feed and post. */
  communities: string[];
  /** Recent live posts of their communities: what they open and comment on. */
  posts: string[];
  /** Their home feed's second page, once fetched. */
  nextCursor: string | null;
}

/** Newest posts taken from each of a person's communities. */
const POSTS_PER_COMMUNITY = 3;

/**
 * Signs in `count` people picked at random (from the seed) among members and guests, by writing
 * their sessions as `createSession` does: the cookie carries a secret, the table its SHA-256.
 */
export async function openSessions(db: Db, input: { count: number; seed: string }): Promise<BenchSession[]> {
  const { rows } = await sql<{ id: string; role: NetworkRole; communities: string[]; posts: string[] }>`
    select users.id, users.role,
      array(select community_id from community_members where user_id = users.id order by community_id) as communities,
      array(
        select recent.id from community_members
        cross join lateral (
          select posts.id from posts where posts.community_id = community_members.community_id and posts.deleted_at is null
          order by posts.created_at desc, posts.id desc limit ${POSTS_PER_COMMUNITY}
        ) as recent
        where community_members.user_id = users.id
      ) as posts
    from users
    where users.role in ('member', 'guest')
    order by md5(${input.seed} || users.id::text)
    limit ${input.count}
  `.execute(db);
  const sessions = rows.map((row) => ({ row, token: newSecret(), csrfToken: newSecret() }));
  const expiresAt = new Date(Date.now() + 86_400_000);
  for (let start = 0; start < sessions.length; start += 500) {
    const batch = sessions.slice(start, start + 500);
    await db
      .insertInto("sessions")
      .values(batch.map(({ row, token, csrfToken }) => ({ id_hash: hashSecret(token), user_id: row.id, csrf_token: csrfToken, expires_at: expiresAt, user_agent: "ruche-bench" })))
      .execute();
  }
  return sessions.map(({ row, token, csrfToken }) => ({
    userId: row.id,
    role: row.role,
    cookie: `ruche_session=${token}`,
    csrfToken,
    communities: row.communities,
    posts: row.posts,
    nextCursor: null,
  }));
}

/** Fetches each person's first home page from Ruche to learn where their second page starts. */
export async function fetchNextCursors(rucheUrl: string, sessions: BenchSession[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < sessions.length) {
      const session = sessions[next++];
      if (!session) return;
      const response = await fetch(`${rucheUrl}/api/v1/feed`, { headers: { cookie: session.cookie } });
      if (!response.ok) throw new Error(`GET /api/v1/feed answered ${response.status}: ${await response.text()}`);
      session.nextCursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
