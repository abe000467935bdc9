import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { checkWorkingHours, normaliseLanguages, normaliseSkill, normaliseSkills } from "./profile-rules.ts";

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.details?.[0]?.field;
    throw error;
  }
  return undefined;
}

describe("skill normalisation", () => {
  it("makes spellings of one skill identical", () => {
    expect(normaliseSkill("Gestion de Projet")).toBe("gestion de projet");
    expect(normaliseSkill("  gestion   de projét ")).toBe("gestion de projet");
    expect(normaliseSkill("ÉCONOMIE\tCirculaire")).toBe("economie circulaire");
  });

  it("keeps each skill once, in the order first given, and drops blanks", () => {
    expect(normaliseSkills(["SEO", "Rédaction", "seo", " ", "redaction", "Node.js"])).toEqual(["seo", "redaction", "node.js"]);
  });

  it("keeps languages' spelling but each only once", () => {
    expect(normaliseLanguages([" Français", "français ", "Español"])).toEqual(["Français", "Español"]);
  });
});

describe("working hours", () => {
  it("names a span that ends before it starts", () => {
    expect(fieldOf(() => checkWorkingHours([{ day: 1, start: "10:00", end: "09:00" }]))).toBe("workingHours.0");
  });

  it("names the later of two overlapping spans, whatever their order", () => {
    const spans = [
      { day: 2, start: "14:00", end: "18:00" },
      { day: 2, start: "09:00", end: "14:30" },
    ];
    expect(fieldOf(() => checkWorkingHours(spans))).toBe("workingHours.1");
  });

  it("accepts spans that touch", () => {
    expect(() =>
      checkWorkingHours([
        { day: 2, start: "09:00", end: "12:00" },
        { day: 2, start: "12:00", end: "13:00" },
      ]),
    ).not.toThrow();
  });
});
