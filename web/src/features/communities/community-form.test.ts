import { describe, expect, it } from "vitest";
import { canChangeKind, communityValues, createBody, creatableKinds, endsBeforeStart, newCommunityValues, updateBody, type CommunityValues } from "./community-form.ts";
import { aCommunity } from "./testing.ts";

const project: CommunityValues = { ...newCommunityValues, kind: "project", name: "  Migration ERP ", startsOn: "2025-04-01", endsOn: "2025-09-30" };

describe("creatableKinds", () => {
  it("keeps company and external communities for admins", () => {
    expect(creatableKinds("member")).toEqual(["interest", "profession", "project"]);
    expect(creatableKinds("admin")).toEqual(["interest", "profession", "project", "company", "external"]);
  });

  it("lets guests create nothing", () => {
    expect(creatableKinds("guest")).toEqual([]);
  });
});

describe("canChangeKind", () => {
  it("lets members move between their own kinds but not out of company or external", () => {
    expect(canChangeKind("interest", "member")).toBe(true);
    expect(canChangeKind("external", "member")).toBe(false);
    expect(canChangeKind("company", "admin")).toBe(true);
  });
});

describe("createBody", () => {
  it("trims the name and sends the dates of a project", () => {
    expect(createBody(project)).toEqual({
      kind: "project",
      visibility: "public",
      name: "Migration ERP",
      description: null,
      postingPolicy: "all",
      startsOn: "2025-04-01",
      endsOn: "2025-09-30",
    });
  });

  it("leaves dates out of every other kind, even when some were typed before switching kind", () => {
    const body = createBody({ ...project, kind: "interest", description: " Pour les curieux " });
    expect(body).not.toHaveProperty("startsOn");
    expect(body).not.toHaveProperty("endsOn");
    expect(body.description).toBe("Pour les curieux");
  });
});

describe("updateBody", () => {
  const saved = communityValues(aCommunity({ kind: "project", name: "Migration ERP", description: "Bascule", startsOn: "2025-04-01", endsOn: null }));
  const dirtyOnly = (fields: (keyof CommunityValues)[]) => (field: keyof CommunityValues) => fields.includes(field);

  it("sends only what changed, so an unchanged kind is never sent", () => {
    expect(updateBody({ ...saved, name: " ERP 2 " }, dirtyOnly(["name"]))).toEqual({ name: "ERP 2" });
  });

  it("clears a description emptied by the manager", () => {
    expect(updateBody({ ...saved, description: "  " }, dirtyOnly(["description"]))).toEqual({ description: null });
  });

  it("sends both dates of a project when one changed, an empty one as cleared", () => {
    expect(updateBody({ ...saved, endsOn: "2025-12-31" }, dirtyOnly(["endsOn"]))).toEqual({ startsOn: "2025-04-01", endsOn: "2025-12-31" });
    expect(updateBody({ ...saved, startsOn: "" }, dirtyOnly(["startsOn"]))).toEqual({ startsOn: null, endsOn: null });
  });

  it("sends no dates for a community that is no longer a project", () => {
    expect(updateBody({ ...saved, kind: "interest" }, dirtyOnly(["kind"]))).toEqual({ kind: "interest" });
  });
});

describe("endsBeforeStart", () => {
  it("spots a project that ends before it starts", () => {
    expect(endsBeforeStart({ kind: "project", startsOn: "2025-09-01", endsOn: "2025-08-31" })).toBe(true);
    expect(endsBeforeStart({ kind: "project", startsOn: "2025-09-01", endsOn: "2025-09-01" })).toBe(false);
    expect(endsBeforeStart({ kind: "project", startsOn: "", endsOn: "2025-08-31" })).toBe(false);
    expect(endsBeforeStart({ kind: "interest", startsOn: "2025-09-01", endsOn: "2025-08-31" })).toBe(false);
  });
});
