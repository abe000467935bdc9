import type { Notification } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import type { CachedPages } from "../stream/feed-cache.ts";
import { isUnreadIn, markAllReadInPages, markReadInPages } from "./notification-cache.ts";
import { aNotification } from "./testing.ts";

const list: CachedPages<Notification> = {
  pages: [
    { items: [aNotification({ id: "n1" }), aNotification({ id: "n2", read: true })], nextCursor: "c1" },
    { items: [aNotification({ id: "n3" })], nextCursor: null },
  ],
  pageParams: [undefined, "c1"],
};
const readFlags = (cached: CachedPages<Notification> | undefined) => cached?.pages.flatMap((page) => page.items.map((item) => [item.id, item.read]));

describe("notification cache", () => {
  it("marks the one notification read, wherever it is", () => {
    expect(readFlags(markReadInPages(list, "n3"))).toEqual([
      ["n1", false],
      ["n2", true],
      ["n3", true],
    ]);
  });

  it("marks every loaded notification read", () => {
    expect(readFlags(markAllReadInPages(list))?.every(([, read]) => read)).toBe(true);
  });

  it("knows whether reading a notification lowers the unread count", () => {
    expect([isUnreadIn(list, "n1"), isUnreadIn(list, "n2"), isUnreadIn(list, "missing")]).toEqual([true, false, false]);
  });
});
