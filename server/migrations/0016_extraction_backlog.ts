import { sql, type Kysely } from "kysely";

/** The files whose text is read (attachments/extraction.ts), as they were when this was written. */
const EXTRACTED_TYPES = ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"];
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Files attached before their text was read (0014 added the reading) were found by name only.
 * They now wait for it as a new file does: `pending`, and an event each that the outbox turns into
 * the reading job, so the upgrade itself reads nothing and a large backlog drains in the background.
 *
 * Also `attachments.extraction_error`: why a file's text could not be read (broken, encrypted,
 * too large, too slow), for whoever wonders why a file is found by its name only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attachments add column extraction_error text`.execute(db);
  await requestBacklogExtraction(db);
}

/** Marks the PDF and DOCX files attached but never read (and not too large to be) as pending, with an event each. */
export async function requestBacklogExtraction<DB>(db: Kysely<DB>): Promise<void> {
  await sql`
    with waiting as (
      update attachments a set extraction = 'pending'
      from files f
      where f.id = a.file_id and a.extraction = 'none'
        and (a.post_id is not null or a.comment_id is not null)
        and f.mime_type = any(${EXTRACTED_TYPES}::text[]) and f.byte_size <= ${MAX_BYTES}
      returning a.id
    )
    insert into events (id, type, subject_id)
    select gen_random_uuid(), 'attachment.extraction_requested', waiting.id from waiting
  `.execute(db);
}
