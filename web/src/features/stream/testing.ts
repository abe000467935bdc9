import type { Post } from "@ruche/contracts";
import { aPerson } from "../communities/testing.ts";

/** A post as the API would send it, for unit tests; `overrides` sets what the test is about. */
export function aPost(overrides: Partial<Post> = {}): Post {
  return {
    id: "0190b000-0000-7000-8000-000000000001",
    community: { id: "0190a000-0000-7000-8000-000000000001", name: "Randonnée", kind: "interest", visibility: "public", external: false },
    author: aPerson(),
    body: "Sortie samedi ?",
    html: "<p>Sortie samedi ?</p>",
    topics: [],
    attachments: [],
    linkPreview: null,
    poll: null,
    announcement: null,
    pinned: false,
    commentCount: 0,
    reactionCounts: {},
    myReactions: [],
    bookmarked: false,
    following: false,
    createdAt: "2025-03-12T09:00:00.000Z",
    editedAt: null,
    deletedAt: null,
    can: { edit: false, delete: false, comment: true, react: true, pin: false, share: true, seeReaders: false },
    shared: null,
    ...overrides,
  };
}
