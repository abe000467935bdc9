import { sql, type Kysely } from "kysely";

/**
 * Names (communities, people, topics) are a few thousand documents among millions of posts and
 * comments. Looking them up in the text index of every document read the posting lists of all
 * content too: a common word or a short prefix in the header's box went through hundreds of
 * thousands of posts to keep a handful of names. Their own text index answers from names only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index search_documents_directory_idx on search_documents using gin (document)
    where kind in ('community', 'person', 'topic')
  `.execute(db);
}
