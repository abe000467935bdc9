import { sql, type Kysely } from "kysely";

/**
 * Search: one index for every kind of thing people look for, kept in step with what it indexes by
 * triggers, in the transaction that changes it (so deleted content disappears at once, and a bulk
 * insert, a restore or the bench's dataset is indexed the same way as a post made through the API).
 *
 * - Text search configurations `ruche_french`, `ruche_english` (accents and case aside, then the
 *   language's stemmer) and `ruche_simple` (accents and case aside, no stemming: names).
 * - `search_documents`: one row a post, comment, community, person, topic or attached file; the
 *   row's `community_id` is what the search query's policy filter reads (the community whose
 *   members may read it, or the community itself), `post_id` what a deleted post takes with it.
 *   A text's language is its author's (the organisation's when they chose none); queries match
 *   both languages' stems, so an English post by a French-speaking author is still found.
 * - `attachments.extracted_text`: the text a job pulls out of a PDF or DOCX, indexed with the
 *   file's name; `extraction` says where that stands.
 * - A restore (which sets `ruche.restoring`) copies the index as it was saved: the triggers stand aside.
 * - `ruche_search_query(words, phrases, excluded, prefix)`: the tsquery for a parsed search, built
 *   from plain words only (never from tsquery syntax typed by someone), in both languages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, copy, stemmer] of [
    ["ruche_french", "french", "french_stem"],
    ["ruche_english", "english", "english_stem"],
    ["ruche_simple", "simple", "simple"],
  ] as const) {
    await sql.raw(`create text search configuration ${name} (copy = pg_catalog.${copy})`).execute(db);
    await sql.raw(`alter text search configuration ${name} alter mapping for hword, hword_part, word with public.unaccent, ${stemmer}`).execute(db);
  }

  await sql`
    alter table attachments
      add column extracted_text text,
      add column extraction text not null default 'none' check (extraction in ('none', 'pending', 'done', 'failed'))
  `.execute(db);

  await sql`
    create table search_documents (
      kind text not null check (kind in ('post', 'comment', 'community', 'person', 'topic', 'file')),
      object_id uuid not null,
      community_id uuid,
      post_id uuid,
      comment_id uuid,
      author_id uuid,
      language text not null check (language in ('fr', 'en')),
      title text not null default '',
      body text not null default '',
      created_at timestamptz not null,
      document tsvector not null,
      primary key (kind, object_id)
    )
  `.execute(db);
  await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
  await sql`create index search_documents_recent_idx on search_documents (created_at desc)`.execute(db);
  await sql`create index search_documents_community_idx on search_documents (community_id, created_at desc) where community_id is not null`.execute(db);
  await sql`create index search_documents_post_idx on search_documents (post_id) where post_id is not null`.execute(db);

  // The configuration of a language code.
  await sql`
    create function ruche_search_config(language text) returns regconfig
    language sql immutable parallel safe
    as $$ select case when language = 'en' then 'ruche_english'::regconfig else 'ruche_french'::regconfig end $$
  `.execute(db);

  // The language a person writes in: their own, or the organisation's.
  await sql`
    create function ruche_author_language(author uuid) returns text
    language sql stable parallel safe
    as $$
      select coalesce((select language from users where id = author), (select default_language from organisation where id = 1), 'fr')
    $$
  `.execute(db);

  // Markdown's markup is not words: links keep their text, images, code fences and symbols go.
  await sql`
    create function ruche_search_text(markdown text) returns text
    language sql immutable parallel safe
    as $$
      select regexp_replace(
        regexp_replace(coalesce(markdown, ''), '\\]\\([^)]*\\)', ' ', 'g'),
        '[*_~#>\`|\\[\\]]+', ' ', 'g')
    $$
  `.execute(db);

  // One post's document, or none when it is deleted.
  await sql`
    create function ruche_index_posts(ids uuid[]) returns void
    language sql volatile
    as $$
      delete from search_documents d using posts p
        where d.kind = 'post' and d.object_id = p.id and p.id = any(ids) and p.deleted_at is not null;
      insert into search_documents (kind, object_id, community_id, post_id, author_id, language, body, created_at, document)
      select 'post', p.id, p.community_id, p.id, p.author_id, l.language, ruche_search_text(p.body), p.created_at,
             setweight(to_tsvector(ruche_search_config(l.language), ruche_search_text(p.body)), 'B')
      from posts p
      cross join lateral (select ruche_author_language(p.author_id) as language) l
      where p.id = any(ids) and p.deleted_at is null
      on conflict (kind, object_id) do update set
        community_id = excluded.community_id, author_id = excluded.author_id, language = excluded.language,
        body = excluded.body, document = excluded.document;
    $$
  `.execute(db);

  // Comments (and replies) of live posts; a deleted comment, or one on a deleted post, has none.
  await sql`
    create function ruche_index_comments(ids uuid[]) returns void
    language sql volatile
    as $$
      delete from search_documents d using comments c join posts p on p.id = c.post_id
        where d.kind = 'comment' and d.object_id = c.id and c.id = any(ids) and (c.deleted_at is not null or p.deleted_at is not null);
      insert into search_documents (kind, object_id, community_id, post_id, author_id, language, body, created_at, document)
      select 'comment', c.id, p.community_id, p.id, c.author_id, l.language, ruche_search_text(c.body), c.created_at,
             setweight(to_tsvector(ruche_search_config(l.language), ruche_search_text(c.body)), 'B')
      from comments c
      join posts p on p.id = c.post_id
      cross join lateral (select ruche_author_language(c.author_id) as language) l
      where c.id = any(ids) and c.deleted_at is null and p.deleted_at is null
      on conflict (kind, object_id) do update set
        community_id = excluded.community_id, author_id = excluded.author_id, language = excluded.language,
        body = excluded.body, document = excluded.document;
    $$
  `.execute(db);

  // Files attached to live posts and comments: their name, and the text pulled out of them.
  await sql`
    create function ruche_index_attachments(ids uuid[]) returns void
    language sql volatile
    as $$
      delete from search_documents d using attachments a
        left join comments c on c.id = a.comment_id
        left join posts p on p.id = coalesce(a.post_id, c.post_id)
        where d.kind = 'file' and d.object_id = a.id and a.id = any(ids)
          and (p.id is null or p.deleted_at is not null or c.deleted_at is not null);
      insert into search_documents (kind, object_id, community_id, post_id, comment_id, author_id, language, title, body, created_at, document)
      select 'file', a.id, p.community_id, p.id, c.id, a.uploader_id, l.language, a.name, coalesce(a.extracted_text, ''), a.created_at,
             setweight(to_tsvector('ruche_simple', regexp_replace(a.name, '[._-]+', ' ', 'g')), 'A')
             || setweight(to_tsvector(ruche_search_config(l.language), coalesce(a.extracted_text, '')), 'C')
      from attachments a
      left join comments c on c.id = a.comment_id
      join posts p on p.id = coalesce(a.post_id, c.post_id)
      cross join lateral (select ruche_author_language(a.uploader_id) as language) l
      where a.id = any(ids) and p.deleted_at is null and (c.id is null or c.deleted_at is null)
      on conflict (kind, object_id) do update set
        community_id = excluded.community_id, post_id = excluded.post_id, comment_id = excluded.comment_id,
        language = excluded.language, title = excluded.title, body = excluded.body, document = excluded.document;
    $$
  `.execute(db);

  // Communities by name and description (the policy filter hides secret ones from outsiders).
  await sql`
    create function ruche_index_communities(ids uuid[]) returns void
    language sql volatile
    as $$
      delete from search_documents d using communities c
        where d.kind = 'community' and d.object_id = c.id and c.id = any(ids) and c.deleted_at is not null;
      insert into search_documents (kind, object_id, community_id, language, title, body, created_at, document)
      select 'community', c.id, c.id, o.default_language, c.name, coalesce(c.description, ''), c.created_at,
             setweight(to_tsvector('ruche_simple', c.name), 'A')
             || setweight(to_tsvector(ruche_search_config(o.default_language), c.name), 'A')
             || setweight(to_tsvector(ruche_search_config(o.default_language), coalesce(c.description, '')), 'C')
      from communities c
      cross join (select default_language from organisation where id = 1) o
      where c.id = any(ids) and c.deleted_at is null
      on conflict (kind, object_id) do update set
        language = excluded.language, title = excluded.title, body = excluded.body, document = excluded.document;
    $$
  `.execute(db);

  // People by name, then title, department and skills (the policy filter applies who may see whom).
  await sql`
    create function ruche_index_people(ids uuid[]) returns void
    language sql volatile
    as $$
      insert into search_documents (kind, object_id, language, title, body, created_at, document)
      select 'person', u.id, l.language, u.display_name,
             concat_ws(' · ', u.job_title, u.department, array_to_string(u.skills, ', ')), u.created_at,
             setweight(to_tsvector('ruche_simple', u.display_name), 'A')
             || setweight(to_tsvector('ruche_simple', concat_ws(' ', u.job_title, u.department, array_to_string(u.skills, ' '))), 'B')
             || setweight(to_tsvector(ruche_search_config(l.language), concat_ws(' ', u.job_title, u.department, array_to_string(u.skills, ' '))), 'B')
      from users u
      cross join lateral (select coalesce(u.language, (select default_language from organisation where id = 1), 'fr') as language) l
      where u.id = any(ids)
      on conflict (kind, object_id) do update set
        language = excluded.language, title = excluded.title, body = excluded.body, document = excluded.document;
    $$
  `.execute(db);

  await sql`
    create function ruche_index_topics(ids uuid[]) returns void
    language sql volatile
    as $$
      insert into search_documents (kind, object_id, language, title, created_at, document)
      select 'topic', t.id, 'fr', t.name, t.created_at, setweight(to_tsvector('ruche_simple', t.name), 'A')
      from topics t
      where t.id = any(ids)
      on conflict (kind, object_id) do update set title = excluded.title, document = excluded.document;
    $$
  `.execute(db);

  // Triggers: inserts per statement (a bulk insert indexes in one pass), updates per row and only
  // when an indexed column changed (a comment count or a reaction never reindexes), deletes per
  // statement.
  const tables = [
    { table: "posts", kind: "post", index: "ruche_index_posts", columns: ["body", "deleted_at", "community_id", "author_id"] },
    { table: "comments", kind: "comment", index: "ruche_index_comments", columns: ["body", "deleted_at", "author_id"] },
    { table: "attachments", kind: "file", index: "ruche_index_attachments", columns: ["name", "extracted_text", "post_id", "comment_id"] },
    { table: "communities", kind: "community", index: "ruche_index_communities", columns: ["name", "description", "deleted_at"] },
    { table: "users", kind: "person", index: "ruche_index_people", columns: ["display_name", "job_title", "department", "skills", "language"] },
    { table: "topics", kind: "topic", index: "ruche_index_topics", columns: ["name"] },
  ] as const;
  for (const { table, kind, index, columns } of tables) {
    await sql.raw(`
      create function ${table}_search_inserted() returns trigger language plpgsql as $$
      begin
        if current_setting('ruche.restoring', true) = 'on' then return null; end if;
        perform ${index}(array(select id from inserted));
        return null;
      end $$
    `).execute(db);
    await sql.raw(`
      create trigger ${table}_search_inserted after insert on ${table}
      referencing new table as inserted for each statement execute function ${table}_search_inserted()
    `).execute(db);
    await sql.raw(`
      create function ${table}_search_updated() returns trigger language plpgsql as $$
      begin
        if current_setting('ruche.restoring', true) = 'on' then return null; end if;
        perform ${index}(array[new.id]);
        return null;
      end $$
    `).execute(db);
    const changed = columns.map((column) => `old.${column} is distinct from new.${column}`).join(" or ");
    await sql.raw(`
      create trigger ${table}_search_updated after update of ${columns.join(", ")} on ${table}
      for each row when (${changed}) execute function ${table}_search_updated()
    `).execute(db);
    await sql.raw(`
      create function ${table}_search_deleted() returns trigger language plpgsql as $$
      begin
        if current_setting('ruche.restoring', true) = 'on' then return null; end if;
        delete from search_documents d using deleted where d.kind = '${kind}' and d.object_id = deleted.id;
        return null;
      end $$
    `).execute(db);
    await sql.raw(`
      create trigger ${table}_search_deleted after delete on ${table}
      referencing old table as deleted for each statement execute function ${table}_search_deleted()
    `).execute(db);
  }

  // What a post's deletion, restoration or move takes with it: its comments and files.
  await sql`
    create function posts_search_cascade() returns trigger language plpgsql as $$
    begin
      if current_setting('ruche.restoring', true) = 'on' then return null; end if;
      perform ruche_index_comments(array(select id from comments where post_id = new.id));
      perform ruche_index_attachments(array(
        select a.id from attachments a where a.post_id = new.id
        union all
        select a.id from attachments a join comments c on c.id = a.comment_id where c.post_id = new.id
      ));
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger posts_search_cascade after update of deleted_at, community_id on posts
    for each row when (old.deleted_at is distinct from new.deleted_at or old.community_id is distinct from new.community_id)
    execute function posts_search_cascade()
  `.execute(db);
  // A comment's deletion or restoration takes its files with it.
  await sql`
    create function comments_search_cascade() returns trigger language plpgsql as $$
    begin
      if current_setting('ruche.restoring', true) = 'on' then return null; end if;
      perform ruche_index_attachments(array(select id from attachments where comment_id = new.id));
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger comments_search_cascade after update of deleted_at on comments
    for each row when (old.deleted_at is distinct from new.deleted_at)
    execute function comments_search_cascade()
  `.execute(db);

  // The search itself: plain words, quoted phrases, excluded words and a last word typed so far,
  // matched in French or in English. Each piece goes through plainto/phraseto_tsquery, which read
  // text, never operators; the prefix is cut to letters and digits before ':*' is added.
  await sql`
    create function ruche_search_query(words text[], phrases text[], excluded text[], prefix text) returns tsquery
    language plpgsql immutable parallel safe
    as $$
    declare
      config regconfig;
      result tsquery;
      one tsquery;
      term tsquery;
      piece text;
      typed text;
    begin
      foreach config in array array['ruche_french'::regconfig, 'ruche_english'::regconfig] loop
        one := null;
        foreach piece in array coalesce(words, '{}') loop
          -- The stem, or the word as written (names are indexed unstemmed); a stop word stays out.
          term := plainto_tsquery(config, piece);
          if numnode(term) > 0 then term := term || plainto_tsquery('ruche_simple', piece); end if;
          one := case when one is null then term else one && term end;
        end loop;
        foreach piece in array coalesce(phrases, '{}') loop
          one := case when one is null then phraseto_tsquery(config, piece) else one && phraseto_tsquery(config, piece) end;
        end loop;
        typed := regexp_replace(coalesce(prefix, ''), '[^[:alnum:]]+', '', 'g');
        if typed <> '' then
          one := case
            when one is null then to_tsquery('ruche_simple', typed || ':*') || plainto_tsquery(config, typed)
            else one && (to_tsquery('ruche_simple', typed || ':*') || plainto_tsquery(config, typed))
          end;
        end if;
        if one is not null then
          foreach piece in array coalesce(excluded, '{}') loop
            one := one && !! plainto_tsquery(config, piece);
          end loop;
        end if;
        result := case when result is null then one when one is null then result else result || one end;
      end loop;
      return coalesce(result, ''::tsquery);
    end $$
  `.execute(db);

  // Everything already there.
  await sql`select ruche_index_people(array(select id from users))`.execute(db);
  await sql`select ruche_index_topics(array(select id from topics))`.execute(db);
  await sql`select ruche_index_communities(array(select id from communities))`.execute(db);
  await sql`select ruche_index_posts(array(select id from posts))`.execute(db);
  await sql`select ruche_index_comments(array(select id from comments))`.execute(db);
  await sql`select ruche_index_attachments(array(select id from attachments where post_id is not null or comment_id is not null))`.execute(db);
}
