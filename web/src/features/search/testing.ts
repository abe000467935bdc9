import type { SearchHit } from "@ruche/contracts";

/** A result as the API would send it (a post found for "séminaire"), for unit tests; `overrides` sets what the test is about. */
export function aSearchHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: "post",
    id: "0190b000-0000-7000-8000-000000000001",
    title: [],
    excerpt: [
      { text: "Le ", match: false },
      { text: "séminaire", match: true },
      { text: " de décembre aura lieu à Lyon.", match: false },
    ],
    createdAt: "2025-03-12T09:00:00.000Z",
    community: { id: "0190a000-0000-7000-8000-000000000001", name: "Randonnée" },
    author: { id: "0190c000-0000-7000-8000-000000000001", displayName: "Camille Martin" },
    postId: "0190b000-0000-7000-8000-000000000001",
    commentId: null,
    topicSlug: null,
    ...overrides,
  };
}
