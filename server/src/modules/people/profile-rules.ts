import type { UpdateProfileBody, WorkingSpan } from "@ruche/contracts";
import { errors } from "../../platform/errors.ts";
import type { UserUpdate } from "../../platform/schema.ts";
import { checkTimeZone } from "../../platform/time-zones.ts";

/**
 * One spelling per skill, so the directory can match them: trimmed, inner spaces collapsed,
 * lower-cased, accents stripped ("Gestion de  Projét" -> "gestion de projet").
 */
export function normaliseSkill(skill: string): string {
  return skill
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

function dedupe(values: string[], keyOf: (value: string) => string = (value) => value): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = keyOf(value);
    if (!value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function normaliseSkills(skills: string[]): string[] {
  return dedupe(skills.map(normaliseSkill));
}

/** Languages keep their spelling ("Français"); "français" again is a duplicate. */
export function normaliseLanguages(languages: string[]): string[] {
  return dedupe(
    languages.map((language) => language.trim().replace(/\s+/g, " ")),
    (language) => language.toLowerCase(),
  );
}

/** Trims free text; an empty string means "clear it". */
function optionalText(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Checks working hours: each span starts before it ends and overlaps no other span of its day
 * (touching is fine: 09:00-12:00 then 12:00-13:00). Returns them sorted by day, then start.
 */
export function checkWorkingHours(spans: WorkingSpan[]): WorkingSpan[] {
  spans.forEach((span, index) => {
    if (span.start >= span.end) throw errors.invalidField(`workingHours.${index}`, "must start before it ends");
  });
  const ordered = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.day - b.span.day || a.span.start.localeCompare(b.span.start));
  for (let i = 1; i < ordered.length; i += 1) {
    const previous = ordered[i - 1];
    const current = ordered[i];
    if (previous && current && previous.span.day === current.span.day && current.span.start < previous.span.end) {
      const later = Math.max(previous.index, current.index);
      const earlier = Math.min(previous.index, current.index);
      throw errors.invalidField(`workingHours.${later}`, `overlaps workingHours.${earlier} on the same day`);
    }
  }
  return ordered.map(({ span }) => ({ day: span.day, start: span.start, end: span.end }));
}

/**
 * Turns a profile update into column values, checking every rule that needs no database
 * (the manager is checked by the service). Fields absent from the body stay unchanged.
 */
export function profileChanges(body: UpdateProfileBody): UserUpdate {
  const changes: UserUpdate = {};
  if (body.displayName !== undefined) {
    const displayName = optionalText(body.displayName);
    if (!displayName) throw errors.invalidField("displayName", "must not be empty");
    changes.display_name = displayName;
  }
  if (body.jobTitle !== undefined) changes.job_title = optionalText(body.jobTitle);
  if (body.department !== undefined) changes.department = optionalText(body.department);
  if (body.location !== undefined) changes.location = optionalText(body.location);
  if (body.phone !== undefined) changes.phone = optionalText(body.phone);
  if (body.bio !== undefined) changes.bio = optionalText(body.bio);
  if (body.skills !== undefined) changes.skills = normaliseSkills(body.skills);
  if (body.languages !== undefined) changes.languages = normaliseLanguages(body.languages);
  if (body.timezone !== undefined) {
    const timezone = optionalText(body.timezone);
    if (timezone) checkTimeZone(timezone, "timezone");
    changes.timezone = timezone;
  }
  if (body.workingHours !== undefined) changes.working_hours = JSON.stringify(checkWorkingHours(body.workingHours));
  if (body.language !== undefined) changes.language = body.language;
  if (body.awayUntil !== undefined) changes.away_until = body.awayUntil;
  if (body.managerId !== undefined) changes.manager_id = body.managerId || null;
  return changes;
}
