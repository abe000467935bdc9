import { describe, expect, it } from "vitest";
import { toggledReactions, totalReactions } from "./reactions.ts";

describe("toggledReactions", () => {
  it("adds the viewer's reaction and counts it", () => {
    expect(toggledReactions({ reactionCounts: { like: 2 }, myReactions: [] }, "like")).toEqual({ reactionCounts: { like: 3 }, myReactions: ["like"] });
  });

  it("starts a count for a kind nobody chose yet", () => {
    expect(toggledReactions({ reactionCounts: {}, myReactions: ["like"] }, "curious")).toEqual({ reactionCounts: { curious: 1 }, myReactions: ["like", "curious"] });
  });

  it("takes the viewer's reaction back and drops a count that reaches zero", () => {
    expect(toggledReactions({ reactionCounts: { celebrate: 1, like: 4 }, myReactions: ["celebrate", "like"] }, "celebrate")).toEqual({
      reactionCounts: { like: 4 },
      myReactions: ["like"],
    });
  });

  it("leaves the summary it was given unchanged", () => {
    const summary = { reactionCounts: { like: 1 }, myReactions: [] };
    toggledReactions(summary, "like");
    expect(summary).toEqual({ reactionCounts: { like: 1 }, myReactions: [] });
  });
});

describe("totalReactions", () => {
  it("adds every kind", () => {
    expect(totalReactions({ like: 3, insightful: 2 })).toBe(5);
    expect(totalReactions({})).toBe(0);
  });
});
