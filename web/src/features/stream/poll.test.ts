import type { Poll } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import { leadingOptions, mayRetract, optionShare, pollMode } from "./poll.ts";

function aPoll(overrides: Partial<Poll> = {}): Poll {
  return {
    multiple: false,
    closesAt: null,
    closed: false,
    resultsVisible: "after_vote",
    totalVoters: null,
    options: [
      { id: "o1", label: "Samedi", votes: null, chosen: false },
      { id: "o2", label: "Dimanche", votes: null, chosen: false },
    ],
    voted: false,
    ...overrides,
  };
}

describe("pollMode", () => {
  it("offers the ballot to someone who has not voted on an open poll", () => {
    expect(pollMode(aPoll())).toBe("ballot");
  });

  it("shows the results once the server sends them", () => {
    expect(pollMode(aPoll({ voted: true, totalVoters: 4 }))).toBe("results");
    expect(pollMode(aPoll({ closed: true, totalVoters: 4 }))).toBe("results");
  });

  it("tells a voter the results wait for the closing when the author chose so", () => {
    expect(pollMode(aPoll({ voted: true, resultsVisible: "after_close" }))).toBe("waiting");
  });
});

describe("mayRetract", () => {
  it("lets a voter take their vote back while the poll is open, not after", () => {
    expect(mayRetract(aPoll({ voted: true }))).toBe(true);
    expect(mayRetract(aPoll({ voted: true, closed: true }))).toBe(false);
    expect(mayRetract(aPoll())).toBe(false);
  });
});

describe("optionShare", () => {
  it("gives whole percentages of the voters", () => {
    expect(optionShare(1, 3)).toBe(33);
    expect(optionShare(2, 3)).toBe(67);
  });

  it("is zero with no voters or hidden counts", () => {
    expect(optionShare(0, 0)).toBe(0);
    expect(optionShare(null, null)).toBe(0);
  });
});

describe("leadingOptions", () => {
  it("marks every option tied for the most votes", () => {
    const poll = aPoll({
      totalVoters: 5,
      options: [
        { id: "o1", label: "A", votes: 2, chosen: false },
        { id: "o2", label: "B", votes: 2, chosen: true },
        { id: "o3", label: "C", votes: 1, chosen: false },
      ],
    });
    expect([...leadingOptions(poll)]).toEqual(["o1", "o2"]);
  });

  it("marks nothing while nobody voted", () => {
    expect(leadingOptions(aPoll({ closed: true, totalVoters: 0 })).size).toBe(0);
  });
});
