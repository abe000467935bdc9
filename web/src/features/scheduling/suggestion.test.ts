import { describe, expect, it } from "vitest";
import { commentSuggestionBody, offHoursHint } from "./suggestion.ts";

describe("the off-hours hint", () => {
  it("offers the suggested time when someone would be reached off hours", () => {
    const suggestion = { notified: 5, offNow: 3, suggestedSendAt: "2026-03-10T07:00:00.000Z" };
    expect(offHoursHint(suggestion)).toEqual({ offNow: 3, sendAt: "2026-03-10T07:00:00.000Z" });
  });

  it("shows nothing before the answer, or when everyone is at work", () => {
    expect([offHoursHint(undefined), offHoursHint({ notified: 5, offNow: 0, suggestedSendAt: null })]).toEqual([null, null]);
  });
});

describe("what a comment box asks the suggestion about", () => {
  it("asks nothing while the box is empty or blank", () => {
    expect([commentSuggestionBody({ postId: "p1" }, ""), commentSuggestionBody({ postId: "p1" }, " \n ")]).toEqual([null, null]);
  });

  it("asks about the post, and the parent for a reply, never the text", () => {
    const asked = [commentSuggestionBody({ postId: "p1" }, "Agreed"), commentSuggestionBody({ postId: "p1", parentId: "c1" }, "Agreed, tomorrow")];
    expect(asked).toEqual([{ postId: "p1" }, { postId: "p1", parentId: "c1" }]);
  });

  it("leaves out a parent that is not given, so that comments on a post share one answer", () => {
    expect(Object.keys(commentSuggestionBody({ postId: "p1", parentId: undefined }, "Agreed") ?? {})).toEqual(["postId"]);
  });
});
