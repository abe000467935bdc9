import { sql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from "kysely";
import type { Database } from "../../platform/schema.ts";
import type { Viewer } from "../people/policy.ts";
import { readablePosts } from "../posts/policy.ts";

type TopicsExpression = ExpressionBuilder<Database, "topics">;

/**
 * The topics `viewer` may know of, as a filter on `topics`: those used by at least one post they
 * may read, and those they follow (they knew of it to follow it). A topic used only in a secret
 * community never shows its name to outsiders, in a list, a lookup or an autocomplete.
 */
export function knownTopics(viewer: Viewer) {
  return (eb: TopicsExpression): ExpressionWrapper<Database, "topics", SqlBool> =>
    eb.or([
      eb.exists(
        eb
          .selectFrom("post_topics")
          .innerJoin("posts", "posts.id", "post_topics.post_id")
          .select(sql`1`.as("one"))
          .whereRef("post_topics.topic_id", "=", "topics.id")
          .where(readablePosts(viewer)),
      ),
      eb.exists(followedBy(eb, viewer)),
    ]);
}

export function followedBy(eb: TopicsExpression, viewer: Viewer) {
  return eb
    .selectFrom("topic_follows")
    .select(sql`1`.as("one"))
    .whereRef("topic_follows.topic_id", "=", "topics.id")
    .where("topic_follows.user_id", "=", viewer.id);
}

