import { describe, expect, it } from "vitest";
import { hitTarget, suggestionOptions } from "./targets.ts";
import { aSearchHit } from "./testing.ts";

const postId = "0190b000-0000-7000-8000-000000000001";

describe("hitTarget", () => {
  it("opens the post a post or a post's file was found in", () => {
    expect(hitTarget(aSearchHit())).toBe(`/posts/${postId}`);
    expect(hitTarget(aSearchHit({ kind: "file", id: "0190f000-0000-7000-8000-000000000001", title: [{ text: "budget.pdf", match: false }] }))).toBe(`/posts/${postId}`);
  });

  it("opens a comment, or a file attached to a comment, at that comment in its post", () => {
    const commentId = "0190e000-0000-7000-8000-000000000001";
    expect(hitTarget(aSearchHit({ kind: "comment", id: commentId, commentId }))).toBe(`/posts/${postId}#comment-${commentId}`);
    const file = aSearchHit({ kind: "file", id: "0190f000-0000-7000-8000-000000000001", commentId, title: [{ text: "budget.pdf", match: false }] });
    expect(hitTarget(file)).toBe(`/posts/${postId}#comment-${commentId}`);
  });

  it("opens a person's profile, a community's page and a topic's page", () => {
    const id = "0190c000-0000-7000-8000-000000000001";
    expect(hitTarget(aSearchHit({ kind: "person", id, postId: null, community: null }))).toBe(`/people/${id}`);
    expect(hitTarget(aSearchHit({ kind: "community", id, postId: null }))).toBe(`/communities/${id}`);
    expect(hitTarget(aSearchHit({ kind: "topic", id, postId: null, community: null, topicSlug: "deconnexion" }))).toBe("/topics/deconnexion");
  });
});

describe("suggestionOptions", () => {
  const suggestions = {
    people: [{ id: "0190c000-0000-7000-8000-000000000001", displayName: "Camille Martin", jobTitle: null, avatarUrl: null }],
    communities: [{ id: "0190a000-0000-7000-8000-000000000001", name: "Séminaires", kind: "interest" as const, visibility: "public" as const }],
    topics: [{ slug: "seminaire-lyon", name: "SéminaireLyon" }],
  };

  it("leads each suggestion to its page", () => {
    const options = suggestionOptions(suggestions, "semi");
    expect([...options.people, ...options.communities, ...options.topics].map((option) => option.value)).toEqual([
      "/people/0190c000-0000-7000-8000-000000000001",
      "/communities/0190a000-0000-7000-8000-000000000001",
      "/topics/seminaire-lyon",
    ]);
  });

  it("always offers to search everything for the words typed", () => {
    expect(suggestionOptions(undefined, " semi ").search).toEqual({ value: "/search?q=semi", kind: "search", query: "semi" });
  });

  it("offers nothing for blank input", () => {
    expect(suggestionOptions(undefined, "  ").search).toBeNull();
  });
});
