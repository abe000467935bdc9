import { sql, type Kysely } from "kysely";

/**
 * Communities and their explicit members, plus the one company community every organisation
 * starts with. It is named after the organisation row as it stands at migration time (the
 * placeholder "Ruche" on a fresh install); first-run setup then renames it to the organisation's
 * real name (modules/communities/events.ts), and admins may rename it later. Its membership is implicit: every active member and admin belongs,
 * guests never do (see modules/communities/policy.ts), so it needs no row per person and cannot
 * drift when people join or leave the organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table communities (
      id uuid primary key,
      kind text not null check (kind in ('company', 'interest', 'profession', 'project', 'external')),
      visibility text not null check (visibility in ('public', 'closed', 'secret')),
      name text not null,
      description text,
      slug text unique,
      posting_policy text not null default 'all' check (posting_policy in ('all', 'managers')),
      starts_on date,
      ends_on date,
      archived_at timestamptz,
      deleted_at timestamptz,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind = 'project' or (starts_on is null and ends_on is null)),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    )
  `.execute(db);
  await sql`create index communities_directory_idx on communities (ruche_fold(name), id)`.execute(db);

  await sql`
    create table community_members (
      community_id uuid not null references communities(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('owner', 'manager', 'member')),
      joined_at timestamptz not null default now(),
      primary key (community_id, user_id)
    )
  `.execute(db);
  await sql`create index community_members_user_idx on community_members (user_id)`.execute(db);

  await sql`
    insert into communities (id, kind, visibility, name)
    select gen_random_uuid(), 'company', 'public', name from organisation
  `.execute(db);
}
