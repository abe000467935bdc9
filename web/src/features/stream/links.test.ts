import { describe, expect, it } from "vitest";
import { appPathOf, isPlainClick } from "./links.ts";

const origin = "https://ruche.example.com";

describe("appPathOf", () => {
  it("routes mentions, topics and posts inside the app", () => {
    expect(appPathOf("/people/p1", origin)).toBe("/people/p1");
    expect(appPathOf("/topics/randonnee", origin)).toBe("/topics/randonnee");
    expect(appPathOf("https://ruche.example.com/posts/p1#comments", origin)).toBe("/posts/p1#comments");
  });

  it("leaves other sites, downloads and non-web links to the browser", () => {
    expect(appPathOf("https://exemple.fr/article", origin)).toBeNull();
    expect(appPathOf("/api/v1/attachments/a1/download", origin)).toBeNull();
    expect(appPathOf("mailto:marie@example.com", origin)).toBeNull();
    expect(appPathOf("http://[::1", origin)).toBeNull();
  });
});

describe("isPlainClick", () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

  it("takes over a plain left click", () => {
    expect(isPlainClick(click)).toBe(true);
  });

  it("leaves new-tab clicks and other buttons to the browser", () => {
    expect(isPlainClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...click, metaKey: true })).toBe(false);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
    expect(isPlainClick({ ...click, defaultPrevented: true })).toBe(false);
  });
});
