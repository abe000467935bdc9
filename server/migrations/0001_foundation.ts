import { sql, type Kysely } from "kysely";

/** Organisation, people, sessions, tokens, invitations, files and the outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists citext`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it.
  await sql`
    create or replace function ruche_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
  `.execute(db);

  await sql`
    create table organisation (
      id smallint primary key default 1 check (id = 1),
      name text not null,
      default_language text not null check (default_language in ('fr', 'en')),
      default_timezone text not null,
      allowed_signup_domains text[] not null default '{}',
      members_can_invite boolean not null default false,
      logo_file_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`insert into organisation (name, default_language, default_timezone) values ('Ruche', 'fr', 'Europe/Paris')`.execute(db);

  await sql`
    create table files (
      id uuid primary key,
      owner_id uuid,
      purpose text not null,
      mime_type text not null,
      byte_size bigint not null,
      storage_key text not null unique,
      width integer,
      height integer,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table users (
      id uuid primary key,
      email citext not null unique,
      role text not null check (role in ('admin', 'member', 'guest')),
      status text not null default 'active' check (status in ('active', 'deactivated')),
      password_hash text,
      email_verified_at timestamptz,
      display_name text not null,
      job_title text,
      department text,
      location text,
      manager_id uuid references users(id) on delete set null,
      phone text,
      bio text,
      skills text[] not null default '{}',
      languages text[] not null default '{}',
      timezone text,
      working_hours jsonb not null default '[]',
      language text check (language in ('fr', 'en')),
      avatar_file_id uuid references files(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deactivated_at timestamptz,
      last_seen_at timestamptz
    )
  `.execute(db);
  await sql`create index users_manager_idx on users (manager_id)`.execute(db);
  await sql`create index users_directory_idx on users (ruche_fold(display_name), id)`.execute(db);
  await sql`create index users_name_trgm_idx on users using gin (ruche_fold(display_name) gin_trgm_ops)`.execute(db);
  await sql`create index users_skills_idx on users using gin (skills)`.execute(db);
  await sql`create index users_department_idx on users (ruche_fold(department))`.execute(db);
  await sql`create index users_location_idx on users (ruche_fold(location))`.execute(db);

  await sql`
    create table sessions (
      id_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz not null,
      user_agent text,
      ip text
    )
  `.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table access_tokens (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      prefix text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);
  await sql`create index access_tokens_user_idx on access_tokens (user_id, created_at, id)`.execute(db);

  await sql`
    create table invitations (
      id uuid primary key,
      email citext not null,
      role text not null check (role in ('admin', 'member', 'guest')),
      invited_by uuid references users(id) on delete set null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_user_id uuid references users(id) on delete set null,
      revoked_at timestamptz
    )
  `.execute(db);
  await sql`create index invitations_email_idx on invitations (email)`.execute(db);
  await sql`create index invitations_list_idx on invitations (created_at, id)`.execute(db);

  // Single-use emailed tokens: email verification and password reset.
  await sql`
    create table email_tokens (
      token_hash text primary key,
      purpose text not null check (purpose in ('verify_email', 'reset_password')),
      user_id uuid not null references users(id) on delete cascade,
      email citext not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )
  `.execute(db);
  await sql`create index email_tokens_user_idx on email_tokens (user_id, purpose)`.execute(db);

  // Counted attempts for limits that must hold across nodes (failed logins per account).
  await sql`
    create table login_failures (
      id bigint generated always as identity primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index login_failures_user_idx on login_failures (user_id, created_at)`.execute(db);

  // The outbox: domain events written in the same transaction as the change they describe.
  await sql`
    create table events (
      id uuid primary key,
      type text not null,
      actor_id uuid,
      subject_id uuid,
      payload jsonb not null default '{}',
      created_at timestamptz not null default now(),
      dispatched_at timestamptz,
      attempts integer not null default 0,
      last_error text
    )
  `.execute(db);
  await sql`create index events_pending_idx on events (created_at, id) where dispatched_at is null`.execute(db);
}
