import { describe, expect, it } from "vitest";
import { createPostBody, draftProblems, type PostDraft } from "../stream/composer.ts";

const announcement: PostDraft & { communityId: string } = { communityId: "0190f5c2-0000-7000-8000-000000000001", body: "Closing tonight", attachmentIds: [], poll: null, announcement: true, mustRead: false };

describe("an urgent announcement in the composer", () => {
  it("asks for a reason before sending", () => {
    expect(draftProblems({ ...announcement, urgentReason: "  " }, new Date())).toEqual({ urgent: "urgentReason" });
  });

  it("sends the trimmed reason with an announcement", () => {
    expect(createPostBody({ ...announcement, urgentReason: " Power cut " }, true)).toMatchObject({ announcement: true, urgent: { reason: "Power cut" } });
  });

  it("sends no urgent override when the post is not an announcement", () => {
    expect(createPostBody({ ...announcement, announcement: false, urgentReason: "Power cut" }, true)).not.toHaveProperty("urgent");
  });
});
