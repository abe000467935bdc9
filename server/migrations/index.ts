import type { Migration } from "kysely";
import * as foundation from "./0001_foundation.ts";
import * as communities from "./0002_communities.ts";
import * as communityMembership from "./0003_community_membership.ts";
import * as projectEnd from "./0004_project_end.ts";
import * as stream from "./0005_stream.ts";
import * as guestIndex from "./0006_guest_index.ts";
import * as guestCount from "./0007_guest_count.ts";
import * as notifications from "./0008_notifications.ts";
import * as serverSecrets from "./0009_server_secrets.ts";
import * as disconnect from "./0010_disconnect.ts";
import * as push from "./0011_push.ts";
import * as email from "./0012_email.ts";
import * as scheduledPosts from "./0013_scheduled_posts.ts";
import * as search from "./0014_search.ts";
import * as searchDirectory from "./0015_search_directory.ts";
import * as extractionBacklog from "./0016_extraction_backlog.ts";
import * as searchStatistics from "./0017_search_statistics.ts";
import * as scheduledPostContent from "./0018_scheduled_post_content.ts";
import * as regroupedDeliveries from "./0019_regrouped_deliveries.ts";

/** Every migration, in order. Forward-only: add a new numbered file, never edit a landed one. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": foundation,
  "0002_communities": communities,
  "0003_community_membership": communityMembership,
  "0004_project_end": projectEnd,
  "0005_stream": stream,
  "0006_guest_index": guestIndex,
  "0007_guest_count": guestCount,
  "0008_notifications": notifications,
  "0009_server_secrets": serverSecrets,
  "0010_disconnect": disconnect,
  "0011_push": push,
  "0012_email": email,
  "0013_scheduled_posts": scheduledPosts,
  "0014_search": search,
  "0015_search_directory": searchDirectory,
  "0016_extraction_backlog": extractionBacklog,
  "0017_search_statistics": searchStatistics,
  "0018_scheduled_post_content": scheduledPostContent,
  "0019_regrouped_deliveries": regroupedDeliveries,
};
