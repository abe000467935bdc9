import { sql, type Kysely } from "kysely";

/**
 * Search decides how to read a query's matches from how common its words are, as PostgreSQL's
 * statistics of the text index count them. By default they list the lexemes of more than about 3%
 * of the documents: a word in 2% of a million posts (20,000 of them) passed for rare, and its
 * matches were all read from the heap to keep the newest 300. Ten times the sample lists the
 * lexemes of about 0.3% of the documents and more. The statistics are gathered again at once, so
 * that an upgraded database does not wait for autovacuum to see the change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table search_documents alter column document set statistics 1000`.execute(db);
  await sql`analyze search_documents (document)`.execute(db);
}
