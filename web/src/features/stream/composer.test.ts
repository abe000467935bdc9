import { describe, expect, it } from "vitest";
import { createPostBody, draftProblems, emptyPoll, messagesByPart, roomForFiles, type PostDraft } from "./composer.ts";

const now = new Date("2025-03-12T10:00:00Z");
const draft = (overrides: Partial<PostDraft> = {}): PostDraft => ({
  communityId: "c1",
  body: "Sortie samedi ?",
  attachmentIds: [],
  poll: null,
  announcement: false,
  mustRead: false,
  ...overrides,
});

describe("draftProblems", () => {
  it("finds nothing wrong with a post in a community", () => {
    expect(draftProblems(draft(), now)).toEqual({});
  });

  it("asks for a community and a body that is not only spaces", () => {
    expect(draftProblems(draft({ communityId: null, body: "  \n " }), now)).toEqual({ communityId: "noCommunity", body: "emptyBody" });
  });

  it("refuses a body over 20,000 characters", () => {
    expect(draftProblems(draft({ body: "a".repeat(20_001) }), now)).toEqual({ body: "tooLong" });
    expect(draftProblems(draft({ body: "a".repeat(20_000) }), now)).toEqual({});
  });

  it("wants two filled options in a poll", () => {
    expect(draftProblems(draft({ poll: { ...emptyPoll(), options: ["Samedi", "  "] } }), now)).toEqual({ poll: "pollOptions" });
  });

  it("refuses a poll that would close in the past", () => {
    const poll = { ...emptyPoll(), options: ["Samedi", "Dimanche"], closesAt: "2025-03-01T10:00" };
    expect(draftProblems(draft({ poll }), now)).toEqual({ poll: "pollClosed" });
  });
});

describe("createPostBody", () => {
  it("sends the body and community, and nothing the author did not add", () => {
    expect(createPostBody({ ...draft(), communityId: "c1" }, false)).toEqual({ communityId: "c1", body: "Sortie samedi ?" });
  });

  it("sends the poll's filled options and its closing time as an instant", () => {
    const poll = { options: [" Samedi ", "", "Dimanche"], multiple: true, closesAt: "2025-03-20T18:00", resultsVisible: "after_close" as const };
    const body = createPostBody({ ...draft({ poll }), communityId: "c1" }, false);
    expect(body.poll).toEqual({ options: ["Samedi", "Dimanche"], multiple: true, closesAt: new Date("2025-03-20T18:00").toISOString(), resultsVisible: "after_close" });
  });

  it("sends the attachments in the order they were added", () => {
    expect(createPostBody({ ...draft({ attachmentIds: ["a2", "a1"] }), communityId: "c1" }, false).attachmentIds).toEqual(["a2", "a1"]);
  });

  it("marks an announcement only when the author may announce", () => {
    const announcing = { ...draft({ announcement: true, mustRead: true }), communityId: "c1" };
    expect(createPostBody(announcing, true)).toMatchObject({ announcement: true, mustRead: true });
    expect(createPostBody(announcing, false)).not.toHaveProperty("announcement");
    expect(createPostBody(announcing, false)).not.toHaveProperty("mustRead");
  });
});

describe("roomForFiles", () => {
  it("accepts files up to ten in all and turns the rest away", () => {
    expect(roomForFiles(0, 3)).toEqual({ accepted: 3, refused: 0 });
    expect(roomForFiles(8, 5)).toEqual({ accepted: 2, refused: 3 });
    expect(roomForFiles(10, 1)).toEqual({ accepted: 0, refused: 1 });
  });
});

describe("messagesByPart", () => {
  it("shows a nested field's message on the part of the composer that holds it", () => {
    const byField = { "poll.options.1": "Trop long", body: "Vide", "poll.closesAt": "Passée" };
    expect(messagesByPart(byField, ["body", "poll"])).toEqual({ body: "Vide", poll: "Trop long" });
  });

  it("leaves out the fields the composer does not show", () => {
    expect(messagesByPart({ "attachmentIds.0": "Inconnue" }, ["body"])).toEqual({});
  });
});
