import { describe, expect, it } from "vitest";
import { commentSuggestionBody, draftMentions, offHoursHint, postSuggestionBody } from "./suggestion.ts";

const marie = "0195f1a2-7c3e-7d40-8a11-2b3c4d5e6f70";
const ada = "0195f1a2-7c3e-7d40-8a11-2b3c4d5e6f71";

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

describe("the people a draft mentions", () => {
  it("lists each mentioned person once, sorted, from the mention links only", () => {
    const body = `Merci [@Marie](mention:${marie}) et [@Ada](mention:${ada}), et encore [@Marie](mention:${marie}); pas [un lien](https://example.org) ni @Paul`;
    expect(draftMentions(body)).toEqual([marie, ada].sort());
  });

  it("asks the post suggestion with the mentions, and without the field when there are none", () => {
    const draft = { communityId: "c1", announcement: false };
    expect(postSuggestionBody(draft, `Voir [@Ada](mention:${ada})`)).toEqual({ communityId: "c1", announcement: false, mentions: [ada] });
    expect(postSuggestionBody(draft, "Rien")).toEqual({ communityId: "c1", announcement: false });
    expect(postSuggestionBody({ communityId: null, announcement: false }, "Rien")).toBeNull();
  });

  it("asks the comment suggestion with the mentions too", () => {
    expect(commentSuggestionBody({ postId: "p1" }, `D'accord [@Marie](mention:${marie})`)).toEqual({ postId: "p1", mentions: [marie] });
  });
});
