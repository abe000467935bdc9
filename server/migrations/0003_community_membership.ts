import { sql, type Kysely } from "kysely";

/**
 * What makes a community's membership more than join and leave: requests to join closed
 * communities (approved or refused with a reason), invitations (of people who have an account, and
 * of guests by email for external communities, through a network invitation), a versioned
 * charter whose acceptance is recorded, and a cover image.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table community_requests (
      id uuid primary key,
      community_id uuid not null references communities(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      message text,
      status text not null check (status in ('pending', 'approved', 'refused', 'withdrawn')),
      decided_by uuid references users(id) on delete set null,
      decided_at timestamptz,
      reason text,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  // One pending request per person and community; decided ones stay as history.
  await sql`create unique index community_requests_pending_idx on community_requests (community_id, user_id) where status = 'pending'`.execute(db);
  await sql`create index community_requests_list_idx on community_requests (community_id, created_at, id)`.execute(db);
  await sql`create index community_requests_user_idx on community_requests (user_id)`.execute(db);

  await sql`
    create table community_invitations (
      id uuid primary key,
      community_id uuid not null references communities(id) on delete cascade,
      -- The invitee when they have an account; a guest invited by email gets one on accepting
      -- the network invitation, which then fills this in.
      user_id uuid references users(id) on delete cascade,
      network_invitation_id uuid references invitations(id) on delete cascade,
      email citext,
      role text not null default 'member' check (role in ('manager', 'member')),
      invited_by uuid references users(id) on delete set null,
      status text not null check (status in ('pending', 'accepted', 'declined', 'revoked')),
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      check (user_id is not null or network_invitation_id is not null)
    )
  `.execute(db);
  await sql`create unique index community_invitations_user_idx on community_invitations (community_id, user_id) where status = 'pending' and user_id is not null`.execute(db);
  await sql`create unique index community_invitations_email_idx on community_invitations (community_id, email) where status = 'pending' and user_id is null`.execute(db);
  await sql`create index community_invitations_list_idx on community_invitations (community_id, created_at, id)`.execute(db);
  await sql`create index community_invitations_invitee_idx on community_invitations (user_id) where status = 'pending'`.execute(db);
  await sql`create index community_invitations_network_idx on community_invitations (network_invitation_id)`.execute(db);

  await sql`
    create table community_charters (
      community_id uuid not null references communities(id) on delete cascade,
      version integer not null check (version > 0),
      text text not null,
      required boolean not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (community_id, version)
    )
  `.execute(db);
  await sql`
    create table charter_acceptances (
      community_id uuid not null,
      user_id uuid not null references users(id) on delete cascade,
      version integer not null,
      accepted_at timestamptz not null default now(),
      primary key (community_id, user_id, version),
      foreign key (community_id, version) references community_charters (community_id, version) on delete cascade
    )
  `.execute(db);

  // The charter in force (null: none); older versions stay for the acceptances that name them.
  await sql`alter table communities add column charter_version integer`.execute(db);
  await sql`alter table communities add column cover_file_id uuid references files(id) on delete set null`.execute(db);
  // Project communities archive themselves once their end date has passed.
  await sql`create index communities_project_end_idx on communities (ends_on) where kind = 'project' and archived_at is null and deleted_at is null`.execute(db);
}
