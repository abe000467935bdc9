import type { Me, Person, PersonSummary } from "@ruche/contracts";
import type { UserRow } from "../../platform/schema.ts";

/** The columns a summary needs (keep list queries narrow). */
export const summaryColumns = [
  "users.id",
  "users.display_name",
  "users.job_title",
  "users.department",
  "users.location",
  "users.avatar_file_id",
  "users.role",
  "users.status",
] as const;

export type SummaryRow = Pick<UserRow, "id" | "display_name" | "job_title" | "department" | "location" | "avatar_file_id" | "role" | "status">;

/** The URL of a person's avatar; the file id busts caches when the avatar changes. */
export function avatarUrl(row: Pick<UserRow, "id" | "avatar_file_id">): string | null {
  return row.avatar_file_id ? `/api/v1/people/${row.id}/avatar?v=${row.avatar_file_id}` : null;
}

export function presentSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    jobTitle: row.job_title,
    department: row.department,
    location: row.location,
    avatarUrl: avatarUrl(row),
    role: row.role,
    active: row.status === "active",
  };
}

export function presentPerson(row: UserRow, manager: SummaryRow | undefined, reports: SummaryRow[]): Person {
  return {
    ...presentSummary(row),
    phone: row.phone,
    bio: row.bio,
    skills: row.skills,
    languages: row.languages,
    timezone: row.timezone,
    workingHours: row.working_hours,
    manager: manager ? presentSummary(manager) : null,
    directReports: reports.map(presentSummary),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentMe(row: UserRow, manager: SummaryRow | undefined, reports: SummaryRow[]): Me {
  return {
    ...presentPerson(row, manager, reports),
    email: row.email,
    emailVerified: row.email_verified_at !== null,
    language: row.language,
    awayUntil: row.away_until ? row.away_until.toISOString() : null,
  };
}
