import type { Me } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import { errorUnder, profileBody, profileValues } from "./profile-form.ts";

const me: Me = {
  id: "0190a1b2-0000-7000-8000-000000000001",
  displayName: "Hélène Martin",
  jobTitle: null,
  department: "Finance",
  location: null,
  avatarUrl: null,
  role: "member",
  active: true,
  phone: null,
  bio: null,
  skills: ["budget"],
  languages: [],
  timezone: "Europe/Paris",
  workingHours: [{ day: 1, start: "09:00", end: "18:00" }],
  manager: null,
  directReports: [],
  createdAt: "2025-01-01T00:00:00.000Z",
  email: "helene@example.com",
  emailVerified: true,
  awayUntil: null,
  language: null,
};

describe("profileBody", () => {
  it("sends only the fields that changed", () => {
    const values = { ...profileValues(me), jobTitle: "Comptable" };
    expect(profileBody(values, (field) => field === "jobTitle")).toEqual({ jobTitle: "Comptable" });
  });

  it("sends working hours without the form's row keys, and 'automatic' language as null", () => {
    const values = profileValues(me);
    expect(profileBody(values, (field) => field === "workingHours" || field === "language")).toEqual({
      workingHours: [{ day: 1, start: "09:00", end: "18:00" }],
      language: null,
    });
  });

  it("clears the manager with null", () => {
    expect(profileBody(profileValues(me), (field) => field === "managerId")).toEqual({ managerId: null });
  });
});

describe("errorUnder", () => {
  it("finds an error on an item of a list field", () => {
    expect(errorUnder({ "skills.2": "Too long" }, "skills")).toBe("Too long");
    expect(errorUnder({ "skills.2": "Too long" }, "skill")).toBeUndefined();
  });
});
