import type { Page } from "playwright-core";
import { text, type Language } from "../support/catalogue.ts";

/** What a journey writes on a profile. */
export interface ProfileInput {
  jobTitle: string;
  department: string;
  skills: readonly string[];
  /** An IANA zone, found by typing its city ("Paris" for Europe/Paris). */
  timezone: { search: string; zone: string };
}

/** Fills in /me (which must be open): title, team, skills, time zone, the usual working week. */
export async function fillProfile(page: Page, language: Language, input: ProfileInput): Promise<void> {
  const t = (key: string) => text(language, key);
  await page.getByRole("textbox", { name: t("people:fields.jobTitle"), exact: true }).fill(input.jobTitle);
  await page.getByRole("textbox", { name: t("people:fields.department"), exact: true }).fill(input.department);
  const skills = page.getByRole("textbox", { name: t("people:fields.skills"), exact: true });
  for (const skill of input.skills) {
    await skills.fill(skill);
    await skills.press("Enter");
  }
  await chooseTimeZone(page, language, input.timezone);
  await page.getByRole("button", { name: t("people:hours.preset"), exact: true }).click();
}

/** Types into the searchable time-zone list and picks the zone. */
async function chooseTimeZone(page: Page, language: Language, timezone: ProfileInput["timezone"]): Promise<void> {
  const field = page.getByRole("textbox", { name: text(language, "people:fields.timezone"), exact: true });
  await field.fill(timezone.search);
  await page.getByRole("option", { name: timezone.zone, exact: true }).click();
}

/** Saves /me and waits for the confirmation. */
export async function saveProfile(page: Page, language: Language): Promise<void> {
  await page.getByRole("button", { name: text(language, "save"), exact: true }).click();
  await page.getByText(text(language, "people:profile.saved"), { exact: true }).waitFor();
}

/** The value a profile field shows now. */
export function profileField(page: Page, language: Language, key: "jobTitle" | "department" | "timezone"): Promise<string> {
  return page.getByRole("textbox", { name: text(language, `people:fields.${key}`), exact: true }).inputValue();
}
