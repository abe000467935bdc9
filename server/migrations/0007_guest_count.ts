import { sql, type Kysely } from "kysely";

/**
 * How many guests belong to each community, kept by triggers: the "external" marker is shown with
 * every community on every page, and counting guests among a large community's members on each
 * read cost milliseconds. Triggers keep the count right whatever code path adds or removes a
 * member or changes someone's network role. A restore loads rows that already carry their counts:
 * it sets `ruche.restoring`, which the triggers respect.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table communities add column guest_count integer not null default 0`.execute(db);
  await sql`
    update communities set guest_count = counted.guests
    from (
      select cm.community_id, count(*)::int as guests
      from community_members cm join users u on u.id = cm.user_id
      where u.role = 'guest'
      group by cm.community_id
    ) as counted
    where counted.community_id = communities.id
  `.execute(db);
  await sql`
    create function community_members_count_guests() returns trigger language plpgsql as $$
    begin
      if current_setting('ruche.restoring', true) = 'on' then return null; end if;
      if tg_op in ('DELETE', 'UPDATE') then
        update communities set guest_count = guest_count - 1
        where id = old.community_id and exists (select 1 from users where users.id = old.user_id and users.role = 'guest');
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        update communities set guest_count = guest_count + 1
        where id = new.community_id and exists (select 1 from users where users.id = new.user_id and users.role = 'guest');
      end if;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger community_members_count_guests
    after insert or delete or update of community_id, user_id on community_members
    for each row execute function community_members_count_guests()
  `.execute(db);
  await sql`
    create function users_count_guests() returns trigger language plpgsql as $$
    begin
      if current_setting('ruche.restoring', true) = 'on' then return null; end if;
      update communities
      set guest_count = guest_count + case when new.role = 'guest' then 1 else -1 end
      where id in (select community_id from community_members where user_id = new.id);
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger users_count_guests
    after update of role on users
    for each row when ((old.role = 'guest') <> (new.role = 'guest'))
    execute function users_count_guests()
  `.execute(db);
}
