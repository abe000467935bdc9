import type { Poll } from "@ruche/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { deletePost, postIn } from "../comments/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { addMember, createThrough, eventsAbout, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { pollsFor } from "./repository.ts";

let t: TestContext;
let author: Browser;
let voter: Browser;
let other: Browser;
let outsider: Browser;
let garden: string;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  author = await personBrowser(t, { display_name: "Alice Author" });
  voter = await personBrowser(t, { display_name: "Victor Voter" });
  other = await personBrowser(t, { display_name: "Olga Other" });
  outsider = await personBrowser(t, { display_name: "Otto Outsider" });
  garden = (await createThrough(author, { name: "Gardening" })).id;
  await addMember(t, garden, voter.userId);
  await addMember(t, garden, other.userId);
});
afterAll(() => t.close());

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

type PollChoices = { multiple?: boolean; closesAt?: string; resultsVisible?: "after_vote" | "after_close" };

/** A post with a poll, written through the API; returns its id and its options' ids in order. */
async function pollPost(choices: PollChoices = {}, where: { browser?: Browser; communityId?: string } = {}): Promise<{ postId: string; optionIds: string[] }> {
  const poll = { options: ["Roses", "Tulips", "Dahlias"], ...choices };
  const post = await postThrough(where.browser ?? author, where.communityId ?? garden, "What shall we plant?", { poll });
  return { postId: post.id, optionIds: post.poll?.options.map((option) => option.id) ?? [] };
}

/** Lets time pass for a poll: its closing time is now behind it. */
async function closePoll(postId: string): Promise<void> {
  await t.db.updateTable("polls").set({ closes_at: new Date(Date.now() - 1000) }).where("post_id", "=", postId).execute();
}

const castVote = (browser: Browser, postId: string, optionIds: string[]) =>
  browser.inject({ method: "POST", url: `/api/v1/posts/${postId}/poll/votes`, payload: { optionIds } });

async function voted(browser: Browser, postId: string, optionIds: string[]): Promise<Poll> {
  const response = await castVote(browser, postId, optionIds);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function seenBy(browser: Browser, postId: string): Promise<Poll | undefined> {
  const viewer = { id: browser.userId, role: "member" as const };
  return (await pollsFor(t.db, viewer, [postId])).get(postId);
}

async function voteCounts(postId: string): Promise<number[]> {
  const rows = await t.db.selectFrom("poll_options").select("vote_count").where("post_id", "=", postId).orderBy("position").execute();
  return rows.map((row) => row.vote_count);
}

describe("voting", () => {
  it("records a vote, counts it, shows the results after voting and records an event", async () => {
    const { postId, optionIds } = await pollPost();
    const poll = await voted(voter, postId, [optionIds[1] as string]);
    expect(poll).toMatchObject({ voted: true, totalVoters: 1, closed: false, multiple: false });
    expect(poll.options.map((option) => [option.label, option.votes, option.chosen])).toEqual([
      ["Roses", 0, false],
      ["Tulips", 1, true],
      ["Dahlias", 0, false],
    ]);
    expect(await voteCounts(postId)).toEqual([0, 1, 0]);
    const [event] = await eventsAbout(t, "poll.voted", postId);
    expect(event).toMatchObject({ actor_id: voter.userId, payload: { optionIds: [optionIds[1]], changed: false } });
  });

  it("replaces one's previous choice, moving the counts with it", async () => {
    const { postId, optionIds } = await pollPost();
    await voted(voter, postId, [optionIds[0] as string]);
    await voted(other, postId, [optionIds[0] as string]);
    const poll = await voted(voter, postId, [optionIds[2] as string]);
    expect(poll.totalVoters).toBe(2);
    expect(await voteCounts(postId)).toEqual([1, 0, 1]);
    await voted(voter, postId, [optionIds[2] as string]);
    expect(await eventsAbout(t, "poll.voted", postId)).toHaveLength(3);
  });

  it("takes several options in a multiple-choice poll, counting the voter once", async () => {
    const { postId, optionIds } = await pollPost({ multiple: true });
    const poll = await voted(voter, postId, [optionIds[0] as string, optionIds[2] as string]);
    expect(poll.totalVoters).toBe(1);
    expect(poll.options.map((option) => option.votes)).toEqual([1, 0, 1]);
  });

  it("refuses two options in a single-choice poll, or another poll's option, naming optionIds and writing nothing", async () => {
    const { postId, optionIds } = await pollPost();
    const elsewhere = await pollPost();
    for (const choice of [optionIds.slice(0, 2), [elsewhere.optionIds[0] as string], [UNKNOWN_ID]]) {
      const response = await castVote(voter, postId, choice);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("optionIds");
    }
    expect((await castVote(voter, postId, [])).json().error.details[0].field).toBe("optionIds");
    expect(await voteCounts(postId)).toEqual([0, 0, 0]);
  });

  it("refuses a closed poll with 409", async () => {
    const { postId, optionIds } = await pollPost({ closesAt: inAnHour() });
    await closePoll(postId);
    const response = await castVote(voter, postId, [optionIds[0] as string]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("poll_closed");
    expect(await voteCounts(postId)).toEqual([0, 0, 0]);
  });

  it("refuses a reader who does not belong to the community (403), and an archived community (409)", async () => {
    const { postId, optionIds } = await pollPost();
    const refused = await castVote(outsider, postId, [optionIds[0] as string]);
    expect(refused.statusCode).toBe(403);
    const shed = (await createThrough(author, { name: "Old shed" })).id;
    const { postId: archivedPost, optionIds: archivedOptions } = await pollPost({}, { communityId: shed });
    await author.inject({ method: "POST", url: `/api/v1/communities/${shed}/archive` });
    const archived = await castVote(author, archivedPost, [archivedOptions[0] as string]);
    expect(archived.statusCode).toBe(409);
    expect(archived.json().error.code).toBe("community_archived");
    expect(await voteCounts(postId)).toEqual([0, 0, 0]);
  });

  it("answers a post without a poll with 404 poll_not_found", async () => {
    const postId = await postIn(author, garden);
    const response = await castVote(voter, postId, [UNKNOWN_ID]);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("poll_not_found");
  });

  it("answers a poll one may not read, or on a deleted post, exactly as an unknown post", async () => {
    const secret = (await createThrough(author, { name: "Seed vault", visibility: "secret" })).id;
    const { postId: hiddenPost, optionIds: [hiddenOption] } = await pollPost({}, { communityId: secret });
    const { postId: deletedPost, optionIds } = await pollPost();
    await deletePost(author, deletedPost);
    const missing = await castVote(outsider, UNKNOWN_ID, [UNKNOWN_ID]);
    expect(missing.json().error.code).toBe("post_not_found");
    for (const [browser, postId, option] of [[outsider, hiddenPost, hiddenOption], [voter, deletedPost, optionIds[0]]] as const) {
      const response = await castVote(browser, postId, [option as string]);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(missing.json());
      const retract = await browser.inject({ method: "DELETE", url: `/api/v1/posts/${postId}/poll/votes` });
      expect(retract.json()).toEqual(missing.json());
    }
  });
});

describe("taking a vote back", () => {
  it("removes one's votes and their counts while the poll is open", async () => {
    const { postId, optionIds } = await pollPost({ multiple: true });
    await voted(voter, postId, [optionIds[0] as string, optionIds[1] as string]);
    const response = await voter.inject({ method: "DELETE", url: `/api/v1/posts/${postId}/poll/votes` });
    expect(response.statusCode).toBe(204);
    expect(await voteCounts(postId)).toEqual([0, 0, 0]);
    expect(await seenBy(voter, postId)).toMatchObject({ voted: false, totalVoters: null });
    expect(await eventsAbout(t, "poll.vote_retracted", postId)).toHaveLength(1);
    expect((await voter.inject({ method: "DELETE", url: `/api/v1/posts/${postId}/poll/votes` })).statusCode).toBe(204);
    expect(await eventsAbout(t, "poll.vote_retracted", postId)).toHaveLength(1);
  });

  it("is refused once the poll has closed, and the vote stays", async () => {
    const { postId, optionIds } = await pollPost();
    await voted(voter, postId, [optionIds[0] as string]);
    await closePoll(postId);
    const response = await voter.inject({ method: "DELETE", url: `/api/v1/posts/${postId}/poll/votes` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("poll_closed");
    expect(await voteCounts(postId)).toEqual([1, 0, 0]);
  });
});

describe("who sees the results", () => {
  it("hides the counts of an after-vote poll until one votes", async () => {
    const { postId, optionIds } = await pollPost();
    await voted(voter, postId, [optionIds[0] as string]);
    const before = await seenBy(other, postId);
    expect(before).toMatchObject({ voted: false, totalVoters: null });
    expect(before?.options.every((option) => option.votes === null && !option.chosen)).toBe(true);
    expect((await voted(other, postId, [optionIds[1] as string])).totalVoters).toBe(2);
  });

  it("hides the counts of an after-close poll from voters until it closes", async () => {
    const { postId, optionIds } = await pollPost({ resultsVisible: "after_close", closesAt: inAnHour() });
    const poll = await voted(voter, postId, [optionIds[0] as string]);
    expect(poll).toMatchObject({ voted: true, totalVoters: null });
    expect(poll.options.map((option) => [option.votes, option.chosen])).toEqual([[null, true], [null, false], [null, false]]);
    await closePoll(postId);
    expect(await seenBy(other, postId)).toMatchObject({ closed: true, totalVoters: 1 });
  });

  it("always shows the counts to the poll's author", async () => {
    const { postId, optionIds } = await pollPost({ resultsVisible: "after_close" });
    await voted(voter, postId, [optionIds[2] as string]);
    expect((await seenBy(author, postId))?.options.map((option) => option.votes)).toEqual([0, 0, 1]);
  });

  it("loads many posts' polls at once, leaving out posts without one", async () => {
    const first = await pollPost();
    const second = await pollPost({ multiple: true });
    const plain = await postIn(author, garden);
    const polls = await pollsFor(t.db, { id: voter.userId, role: "member" }, [first.postId, second.postId, plain]);
    expect([...polls.keys()].sort()).toEqual([first.postId, second.postId].sort());
    expect(polls.get(second.postId)?.multiple).toBe(true);
    expect(polls.get(first.postId)?.options.map((option) => option.label)).toEqual(["Roses", "Tulips", "Dahlias"]);
  });
});
