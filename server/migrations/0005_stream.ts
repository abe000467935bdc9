import { sql, type Kysely } from "kysely";

/**
 * The stream: posts in communities (with their edit history, topics, mentions, attachments, link
 * preview, poll and announcement state), comments with one level of replies, reactions, and what
 * people follow, bookmark and have read.
 *
 * Feeds are keyset-paginated on (created_at, id) newest first, so every feed source has an index
 * in that order restricted to live rows: per community, per author and per topic. Counts shown on
 * every post (comments, reactions) are kept on the row, in the transaction that changes them, so
 * a feed page never counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table topics (
      id uuid primary key,
      -- The folded form (lowercase, no accents) that makes #Déconnexion and #deconnexion one topic.
      slug text not null unique,
      -- How it was first written, for display.
      name text not null,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table posts (
      id uuid primary key,
      community_id uuid not null references communities(id),
      author_id uuid references users(id) on delete set null,
      -- Markdown as written, and the sanitised HTML rendered from it when it was saved.
      body text not null,
      body_html text not null,
      -- A share of another post: the copy links the original, shown only to those who may read it.
      shared_post_id uuid references posts(id),
      announcement boolean not null default false,
      must_read boolean not null default false,
      pinned_at timestamptz,
      pinned_by uuid references users(id) on delete set null,
      comment_count integer not null default 0,
      -- {"like": 3, "celebrate": 1}: kept in step with post_reactions.
      reaction_counts jsonb not null default '{}',
      edited_at timestamptz,
      deleted_at timestamptz,
      deleted_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check (must_read = false or announcement = true)
    )
  `.execute(db);
  await sql`create index posts_community_feed_idx on posts (community_id, created_at desc, id desc) where deleted_at is null`.execute(db);
  await sql`create index posts_author_feed_idx on posts (author_id, created_at desc, id desc) where deleted_at is null`.execute(db);
  await sql`create index posts_pinned_idx on posts (community_id, pinned_at desc) where pinned_at is not null and deleted_at is null`.execute(db);
  await sql`create index posts_announcements_idx on posts (community_id, created_at desc) where announcement and deleted_at is null`.execute(db);
  await sql`create index posts_shared_idx on posts (shared_post_id) where shared_post_id is not null`.execute(db);

  // Every earlier version of an edited post: version 1 is the body as first posted.
  await sql`
    create table post_revisions (
      post_id uuid not null references posts(id) on delete cascade,
      version integer not null,
      body text not null,
      edited_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (post_id, version)
    )
  `.execute(db);

  // The post's time and community are copied here so a topic feed reads one index in order.
  await sql`
    create table post_topics (
      topic_id uuid not null references topics(id) on delete cascade,
      post_id uuid not null references posts(id) on delete cascade,
      community_id uuid not null references communities(id),
      created_at timestamptz not null,
      primary key (topic_id, post_id)
    )
  `.execute(db);
  await sql`create index post_topics_feed_idx on post_topics (topic_id, created_at desc, post_id desc)`.execute(db);
  await sql`create index post_topics_post_idx on post_topics (post_id)`.execute(db);

  await sql`
    create table post_mentions (
      post_id uuid not null references posts(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (post_id, user_id)
    )
  `.execute(db);
  await sql`create index post_mentions_user_idx on post_mentions (user_id)`.execute(db);

  await sql`
    create table comments (
      id uuid primary key,
      post_id uuid not null references posts(id) on delete cascade,
      -- One level of replies: a reply's parent is a top-level comment.
      parent_id uuid references comments(id) on delete cascade,
      author_id uuid references users(id) on delete set null,
      body text not null,
      body_html text not null,
      reaction_counts jsonb not null default '{}',
      edited_at timestamptz,
      deleted_at timestamptz,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index comments_post_idx on comments (post_id, created_at, id)`.execute(db);
  await sql`create index comments_parent_idx on comments (parent_id, created_at, id) where parent_id is not null`.execute(db);

  await sql`
    create table comment_mentions (
      comment_id uuid not null references comments(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (comment_id, user_id)
    )
  `.execute(db);

  for (const target of ["post", "comment"] as const) {
    await sql`
      create table ${sql.table(`${target}_reactions`)} (
        ${sql.ref(`${target}_id`)} uuid not null references ${sql.table(`${target}s`)}(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        kind text not null check (kind in ('like', 'celebrate', 'support', 'insightful', 'curious')),
        created_at timestamptz not null default now(),
        primary key (${sql.ref(`${target}_id`)}, user_id, kind)
      )
    `.execute(db);
    await sql`create index ${sql.raw(`${target}_reactions_user_idx`)} on ${sql.table(`${target}_reactions`)} (user_id)`.execute(db);
  }

  // Files attached to a post or a comment; uploaded first (post_id null), then claimed by the post.
  await sql`
    create table attachments (
      id uuid primary key,
      uploader_id uuid references users(id) on delete set null,
      file_id uuid not null references files(id),
      thumbnail_file_id uuid references files(id),
      kind text not null check (kind in ('image', 'file')),
      name text not null,
      post_id uuid references posts(id) on delete cascade,
      comment_id uuid references comments(id) on delete cascade,
      position integer,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index attachments_post_idx on attachments (post_id, position) where post_id is not null`.execute(db);
  await sql`create index attachments_comment_idx on attachments (comment_id, position) where comment_id is not null`.execute(db);
  await sql`create index attachments_unclaimed_idx on attachments (created_at) where post_id is null and comment_id is null`.execute(db);

  await sql`
    create table link_previews (
      post_id uuid primary key references posts(id) on delete cascade,
      url text not null,
      status text not null check (status in ('pending', 'ready', 'failed')),
      title text,
      description text,
      image_file_id uuid references files(id),
      site_name text,
      error text,
      fetched_at timestamptz,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table polls (
      post_id uuid primary key references posts(id) on delete cascade,
      multiple boolean not null,
      closes_at timestamptz,
      -- When voters see the results: once they have voted, or only once the poll has closed.
      results_visible text not null check (results_visible in ('after_vote', 'after_close'))
    )
  `.execute(db);
  await sql`
    create table poll_options (
      id uuid primary key,
      post_id uuid not null references polls(post_id) on delete cascade,
      position integer not null,
      label text not null,
      vote_count integer not null default 0,
      unique (post_id, position)
    )
  `.execute(db);
  await sql`
    create table poll_votes (
      option_id uuid not null references poll_options(id) on delete cascade,
      post_id uuid not null references polls(post_id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (option_id, user_id)
    )
  `.execute(db);
  await sql`create index poll_votes_voter_idx on poll_votes (post_id, user_id)`.execute(db);

  await sql`
    create table announcement_acks (
      post_id uuid not null references posts(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      acknowledged_at timestamptz not null default now(),
      primary key (post_id, user_id)
    )
  `.execute(db);

  await sql`
    create table bookmarks (
      user_id uuid not null references users(id) on delete cascade,
      post_id uuid not null references posts(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, post_id)
    )
  `.execute(db);
  await sql`create index bookmarks_list_idx on bookmarks (user_id, created_at desc, post_id desc)`.execute(db);

  // Following a post (its author and commenters do by default; unfollowing keeps a row with false).
  await sql`
    create table post_follows (
      post_id uuid not null references posts(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      following boolean not null,
      created_at timestamptz not null default now(),
      primary key (post_id, user_id)
    )
  `.execute(db);

  await sql`
    create table topic_follows (
      user_id uuid not null references users(id) on delete cascade,
      topic_id uuid not null references topics(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, topic_id)
    )
  `.execute(db);
  await sql`create index topic_follows_topic_idx on topic_follows (topic_id)`.execute(db);

  await sql`
    create table person_follows (
      follower_id uuid not null references users(id) on delete cascade,
      followed_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (follower_id, followed_id),
      check (follower_id <> followed_id)
    )
  `.execute(db);
  await sql`create index person_follows_followed_idx on person_follows (followed_id)`.execute(db);

  // A post seen by someone, at most one row a day: the raw material of adoption analytics.
  await sql`
    create table post_reads (
      post_id uuid not null references posts(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      day date not null,
      primary key (post_id, user_id, day)
    )
  `.execute(db);
  await sql`create index post_reads_day_idx on post_reads (day)`.execute(db);
}
