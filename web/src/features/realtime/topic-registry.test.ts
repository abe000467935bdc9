import { describe, expect, it } from "vitest";
import { chunks, TopicRegistry, topicChanges } from "./topic-registry.ts";

describe("TopicRegistry", () => {
  it("says to subscribe only for a topic's first listener", () => {
    const registry = new TopicRegistry<string>();
    expect([registry.add("home", "feed"), registry.add("home", "banner")]).toEqual([true, false]);
  });

  it("says to unsubscribe only when the last listener leaves", () => {
    const registry = new TopicRegistry<string>();
    registry.add("home", "feed");
    registry.add("home", "banner");
    expect(registry.remove("home", "feed")).toBe(false);
    expect(registry.remove("home", "banner")).toBe(true);
    expect(registry.topics()).toEqual([]);
  });

  it("counts the same listener added twice once", () => {
    const registry = new TopicRegistry<string>();
    registry.add("home", "feed");
    registry.add("home", "feed");
    expect(registry.remove("home", "feed")).toBe(true);
  });
});

describe("topicChanges", () => {
  it("adds the topics wanted but not sent and drops those sent but no longer wanted", () => {
    expect(topicChanges(["home", "notifications"], new Set(["home", "post:x"]))).toEqual({ add: ["notifications"], drop: ["post:x"] });
  });
});

describe("chunks", () => {
  it("splits 120 topics into messages of 50, 50 and 20", () => {
    const topics = Array.from({ length: 120 }, (_, index) => `t${index}`);
    expect(chunks(topics).map((chunk) => chunk.length)).toEqual([50, 50, 20]);
  });
});
