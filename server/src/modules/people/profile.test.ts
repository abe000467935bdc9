import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

async function newBrowser(overrides: Parameters<typeof buildUser>[1] = {}): Promise<Browser> {
  const user = await buildUser(t.db, overrides);
  return signIn(t.app, t.db, user.id);
}

function patchMe(browser: Browser, payload: object) {
  return browser.inject({ method: "PATCH", url: "/api/v1/me", payload });
}

async function storedUser(id: string) {
  return t.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("one's own profile", () => {
  it("refuses an anonymous visitor", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/me" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("authentication_required");
  });

  it("round-trips every profile field", async () => {
    const manager = await buildUser(t.db, { display_name: "Margaux Lefèvre" });
    const browser = await newBrowser();
    const update = {
      displayName: "Élodie Martin",
      jobTitle: "Cheffe de projet",
      department: "Marketing",
      location: "Lyon",
      managerId: manager.id,
      phone: "+33 4 72 00 00 00",
      bio: "J'aime les ruches.",
      skills: ["gestion de projet", "seo"],
      languages: ["Français", "English"],
      timezone: "Europe/Paris",
      workingHours: [
        { day: 1, start: "09:00", end: "12:30" },
        { day: 1, start: "13:30", end: "17:30" },
        { day: 5, start: "09:00", end: "16:00" },
      ],
      language: "fr",
    };
    const patched = await patchMe(browser, update);
    expect(patched.statusCode).toBe(200);
    const me = (await browser.inject({ method: "GET", url: "/api/v1/me" })).json();
    const { managerId: _managerId, ...shown } = update;
    expect(me).toMatchObject({ ...shown, id: browser.userId, active: true, role: "member" });
    expect(me.manager).toMatchObject({ id: manager.id, displayName: "Margaux Lefèvre" });
    expect(patched.json()).toEqual(me);
  });

  it("leaves fields absent from the update unchanged", async () => {
    const browser = await newBrowser({ job_title: "Comptable", location: "Nantes" });
    await patchMe(browser, { department: "Finance" });
    const me = (await browser.inject({ method: "GET", url: "/api/v1/me" })).json();
    expect(me).toMatchObject({ jobTitle: "Comptable", location: "Nantes", department: "Finance" });
  });

  it("normalises skills so that spellings of one skill become one", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, { skills: ["Gestion de Projet", "gestion de projét", "  Data   Science ", "DATA science", "   "] });
    expect(response.statusCode).toBe(200);
    expect(response.json().skills).toEqual(["gestion de projet", "data science"]);
  });

  it("trims languages and keeps each once", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, { languages: [" Français ", "français", "English", "English "] });
    expect(response.json().languages).toEqual(["Français", "English"]);
  });

  it("turns empty text into null", async () => {
    const browser = await newBrowser({ job_title: "Juriste", bio: "Bio", phone: "0102030405" });
    const response = await patchMe(browser, { jobTitle: "", bio: "   ", phone: "", timezone: "" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ jobTitle: null, bio: null, phone: null, timezone: null });
  });

  it("refuses a blank display name", async () => {
    const browser = await newBrowser({ display_name: "Samir" });
    const response = await patchMe(browser, { displayName: "   " });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("displayName");
    expect((await storedUser(browser.userId)).display_name).toBe("Samir");
  });

  it("refuses control characters, naming the field, rather than failing", async () => {
    const browser = await newBrowser({ display_name: "Inès" });
    for (const [field, payload] of [
      ["displayName", { displayName: "In\u0000ès" }],
      ["jobTitle", { jobTitle: "Chef\nde rayon" }],
      ["bio", { bio: "Une\u0000bio" }],
      ["skills.0", { skills: ["seo\u0000"] }],
    ] as const) {
      const response = await patchMe(browser, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe(field);
    }
    expect((await storedUser(browser.userId)).display_name).toBe("Inès");
  });

  it("keeps line breaks in a bio", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, { bio: "Première ligne\nDeuxième ligne" });
    expect(response.json().bio).toBe("Première ligne\nDeuxième ligne");
  });

  it("refuses a field it does not know", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, { role: "admin" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "role" }] });
    expect((await storedUser(browser.userId)).role).toBe("member");
  });
});

describe("time zone", () => {
  it("refuses an unknown time zone, names the field and writes nothing", async () => {
    const browser = await newBrowser({ job_title: "Designer" });
    const response = await patchMe(browser, { jobTitle: "Lead designer", timezone: "Europe/Atlantis" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "timezone" }] });
    expect(response.json().error.message).toContain("timezone");
    const user = await storedUser(browser.userId);
    expect(user).toMatchObject({ job_title: "Designer", timezone: null });
  });

  it("accepts UTC and any IANA zone", async () => {
    const browser = await newBrowser();
    expect((await patchMe(browser, { timezone: "UTC" })).json().timezone).toBe("UTC");
    expect((await patchMe(browser, { timezone: "Pacific/Auckland" })).json().timezone).toBe("Pacific/Auckland");
  });
});

describe("working hours", () => {
  it("refuses a span that does not start before it ends, naming it", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, {
      workingHours: [
        { day: 1, start: "09:00", end: "12:00" },
        { day: 2, start: "14:00", end: "14:00" },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("workingHours.1");
    expect((await storedUser(browser.userId)).working_hours).toEqual([]);
  });

  it("refuses overlapping spans on the same day, naming the later one, and writes nothing", async () => {
    const browser = await newBrowser({ location: "Lille" });
    const response = await patchMe(browser, {
      location: "Paris",
      workingHours: [
        { day: 3, start: "09:00", end: "12:00" },
        { day: 4, start: "09:00", end: "12:00" },
        { day: 3, start: "11:30", end: "15:00" },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "workingHours.2" }] });
    expect(await storedUser(browser.userId)).toMatchObject({ location: "Lille", working_hours: [] });
  });

  it("accepts back-to-back spans and the same hours on different days, sorted by day", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, {
      workingHours: [
        { day: 2, start: "09:00", end: "12:00" },
        { day: 1, start: "12:00", end: "18:00" },
        { day: 1, start: "08:00", end: "12:00" },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().workingHours).toEqual([
      { day: 1, start: "08:00", end: "12:00" },
      { day: 1, start: "12:00", end: "18:00" },
      { day: 2, start: "09:00", end: "12:00" },
    ]);
  });
});

describe("manager", () => {
  it("refuses oneself as manager, naming managerId", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, { managerId: browser.userId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "manager_cycle", details: [{ field: "managerId" }] });
    expect((await storedUser(browser.userId)).manager_id).toBeNull();
  });

  it("refuses a manager who already reports to the person, and writes nothing", async () => {
    const top = await newBrowser({ department: "Direction" });
    const middle = await buildUser(t.db, { manager_id: top.userId });
    const bottom = await buildUser(t.db, { manager_id: middle.id });
    const response = await patchMe(top, { department: "Comité", managerId: bottom.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "manager_cycle", details: [{ field: "managerId" }] });
    expect(await storedUser(top.userId)).toMatchObject({ manager_id: null, department: "Direction" });
  });

  it("refuses an unknown manager id", async () => {
    const browser = await newBrowser();
    const response = await patchMe(browser, { managerId: "0190f5c2-0000-7000-8000-000000000000" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "managerId" }] });
  });

  it("refuses a deactivated person or a guest as manager", async () => {
    const browser = await newBrowser();
    const gone = await buildUser(t.db, { status: "deactivated", deactivated_at: new Date() });
    const guest = await buildUser(t.db, { role: "guest" });
    for (const managerId of [gone.id, guest.id]) {
      const response = await patchMe(browser, { managerId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("managerId");
    }
    expect((await storedUser(browser.userId)).manager_id).toBeNull();
  });

  it("clears the manager with null or an empty string", async () => {
    const manager = await buildUser(t.db);
    for (const managerId of [null, ""]) {
      const browser = await newBrowser({ manager_id: manager.id });
      const response = await patchMe(browser, { managerId });
      expect(response.statusCode).toBe(200);
      expect(response.json().manager).toBeNull();
      expect((await storedUser(browser.userId)).manager_id).toBeNull();
    }
  });
});

describe("recording changes", () => {
  it("appends a profile event naming the changed fields", async () => {
    const browser = await newBrowser();
    await patchMe(browser, { location: "Brest", bio: "Marin" });
    const event = await t.db.selectFrom("events").selectAll().where("type", "=", "user.profile_updated").where("subject_id", "=", browser.userId).executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ fields: ["bio", "location"] });
  });
});
