import type pg from "pg";

/** Kysely's bookkeeping: a restore target has its own, which must already match the backup's. */
const MIGRATION_TABLES = ["kysely_migration", "kysely_migration_lock"];

/** A table of the `public` schema as a backup sees it. */
export interface TableInfo {
  name: string;
  /** Stored columns in table order; generated columns are left out (PostgreSQL recomputes them). */
  columns: string[];
  primaryKey: string[];
  /** Other tables this one has foreign keys to. */
  references: string[];
}

/** Describes every table of the `public` schema except Kysely's migration tables, by name. */
export async function describeTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const result = await client.query<TableInfo>(
    `select c.relname::text as name,
       array(select a.attname::text from pg_attribute a
             where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
             order by a.attnum) as columns,
       array(select a.attname::text from pg_index i
             cross join unnest(i.indkey) with ordinality as k(attnum, position)
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
             where i.indrelid = c.oid and i.indisprimary order by k.position) as "primaryKey",
       array(select distinct r.relname::text from pg_constraint f join pg_class r on r.oid = f.confrelid
             where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as "references"
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname <> all($1::text[])
     order by c.relname`,
    [MIGRATION_TABLES],
  );
  return result.rows;
}

/**
 * Orders tables so each comes after the tables it references (self-references are fine: a COPY
 * checks its foreign keys at the end of the statement). Tables caught in a cycle come last, by
 * name; loading them relies on their foreign keys being deferrable.
 */
export function loadOrder(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  for (;;) {
    const ready = [...remaining.values()].filter((t) => t.references.every((r) => !remaining.has(r)));
    if (ready.length === 0) break;
    for (const table of ready) {
      ordered.push(table);
      remaining.delete(table.name);
    }
  }
  return [...ordered, ...remaining.values()];
}

/** Every identity or serial column of the `public` schema, with the sequence behind it. */
export async function identitySequences(client: pg.ClientBase): Promise<{ table: string; column: string; sequence: string }[]> {
  const result = await client.query<{ table: string; column: string; sequence: string }>(
    `select c.relname::text as table, a.attname::text as column,
       pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
       and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`,
  );
  return result.rows;
}
