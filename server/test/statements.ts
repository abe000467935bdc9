import type { KyselyPlugin } from "kysely";
import type { Db } from "../src/platform/db.ts";

/**
 * Test helper: `db` counting the statements sent through it, one for each result that comes back
 * (a subquery, which Kysely also hands to plugins, is not a statement).
 * @example const counted = countingStatements(t.db); await loadPosts(counted.db, viewer, ids); counted.count()
 */
export function countingStatements(db: Db): { db: Db; count(): number } {
  let count = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count += 1;
      return args.result;
    },
  };
  return { db: db.withPlugin(counter), count: () => count };
}
