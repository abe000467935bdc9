import type { Language, Me, UpdateProfileBody, WorkingSpan } from "@ruche/contracts";
import { randomId } from "@mantine/hooks";

/** A working span being edited, with a stable key so React keeps each row's inputs in place. */
export type WorkingRow = WorkingSpan & { key: string };

/** The profile form: text inputs hold "" rather than null; "auto" follows the browser's language. */
export interface ProfileValues {
  displayName: string;
  jobTitle: string;
  department: string;
  location: string;
  managerId: string | null;
  phone: string;
  bio: string;
  skills: string[];
  languages: string[];
  timezone: string | null;
  workingHours: WorkingRow[];
  language: Language | "auto";
}

export const MAX_SPANS = 28;

export function workingRow(span: WorkingSpan): WorkingRow {
  return { ...span, key: randomId() };
}

/** Monday to Friday, 9:00 to 18:00: the usual week, as a starting point. */
export function weekdayPreset(): WorkingRow[] {
  return [1, 2, 3, 4, 5].map((day) => workingRow({ day, start: "09:00", end: "18:00" }));
}

/** The form's values for a profile. */
export function profileValues(me: Me): ProfileValues {
  return {
    displayName: me.displayName,
    jobTitle: me.jobTitle ?? "",
    department: me.department ?? "",
    location: me.location ?? "",
    managerId: me.manager?.id ?? null,
    phone: me.phone ?? "",
    bio: me.bio ?? "",
    skills: me.skills,
    languages: me.languages,
    timezone: me.timezone,
    workingHours: me.workingHours.map(workingRow),
    language: me.language ?? "auto",
  };
}

/**
 * The PATCH body: only the fields changed in the form, so an unrelated edit never re-checks,
 * say, a manager who has since left.
 */
export function profileBody(values: ProfileValues, isDirty: (field: keyof ProfileValues) => boolean): UpdateProfileBody {
  const all: UpdateProfileBody = {
    displayName: values.displayName,
    jobTitle: values.jobTitle,
    department: values.department,
    location: values.location,
    managerId: values.managerId ?? null,
    phone: values.phone,
    bio: values.bio,
    skills: values.skills,
    languages: values.languages,
    timezone: values.timezone ?? null,
    workingHours: values.workingHours.map(({ day, start, end }) => ({ day, start, end })),
    language: values.language === "auto" ? null : values.language,
  };
  const changed = Object.entries(all).filter(([field]) => isDirty(field as keyof ProfileValues));
  return Object.fromEntries(changed) as UpdateProfileBody;
}

const listPaths = (field: string, max: number) => Array.from({ length: max }, (_, index) => `${field}.${index}`);

/** Every field path the API may name in an error about this form (`skills.3`, `workingHours.2.start`...). */
export function profileErrorFields(values: ProfileValues): string[] {
  const spans = values.workingHours.flatMap((_, index) => [`workingHours.${index}`, ...["day", "start", "end"].map((part) => `workingHours.${index}.${part}`)]);
  return [
    ...["displayName", "jobTitle", "department", "location", "managerId", "phone", "bio", "skills", "languages", "timezone", "workingHours", "language"],
    ...listPaths("skills", values.skills.length),
    ...listPaths("languages", values.languages.length),
    ...spans,
  ];
}

/** The first error under a field or its items (`skills` or `skills.3`), to show on one input. */
export function errorUnder(errors: Record<string, unknown>, field: string): string | undefined {
  const entry = Object.entries(errors).find(([path, message]) => (path === field || path.startsWith(`${field}.`)) && typeof message === "string");
  return entry?.[1] as string | undefined;
}
