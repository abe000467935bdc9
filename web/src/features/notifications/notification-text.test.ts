import { createInstance, type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import enNotifications from "../../i18n/en/notifications.json";
import frNotifications from "../../i18n/fr/notifications.json";
import { notificationTarget, notificationText } from "./notification-text.ts";
import { aNotification } from "./testing.ts";
import { aPerson } from "../communities/testing.ts";

async function translator(language: "fr" | "en"): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { fr: { notifications: frNotifications }, en: { notifications: enNotifications } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const camille = aPerson({ displayName: "Camille" });

describe("notificationText", () => {
  it("groups reactions in French with the verb agreeing: Camille et 3 autres ont réagi", async () => {
    const t = await translator("fr");
    expect(notificationText(aNotification({ actors: [camille], actorCount: 4 }), t)).toBe("Camille et 3 autres ont réagi à votre publication");
  });

  it("names one person alone without counting others", async () => {
    const t = await translator("fr");
    expect(notificationText(aNotification({ actors: [camille], actorCount: 1 }), t)).toBe("Camille a réagi à votre publication");
  });

  it("says 'and 1 other person' in English for two people", async () => {
    const t = await translator("en");
    expect(notificationText(aNotification({ actors: [camille], actorCount: 2 }), t)).toBe("Camille and 1 other person reacted to your post");
  });

  it("tells a reaction to a comment from one to a post", async () => {
    const t = await translator("en");
    const notification = aNotification({ actors: [camille], comment: { id: "0190e000-0000-7000-8000-000000000001", excerpt: "Oui" } });
    expect(notificationText(notification, t)).toBe("Camille reacted to your comment");
  });

  it("names the community of an invitation", async () => {
    const t = await translator("fr");
    expect(notificationText(aNotification({ kind: "invitation", actors: [camille], post: null }), t)).toBe("Camille vous invite à rejoindre Randonnée");
  });

  it("speaks of a former member when nobody behind it is left", async () => {
    const t = await translator("en");
    expect(notificationText(aNotification({ kind: "mention", actors: [], actorCount: 0 }), t)).toBe("A former member mentioned you in a post");
  });
});

describe("notificationTarget", () => {
  it("leads to the post a notification is about", () => {
    expect(notificationTarget(aNotification())).toBe("/posts/0190b000-0000-7000-8000-000000000001");
  });

  it("leads a manager to the community's requests for a join request", () => {
    expect(notificationTarget(aNotification({ kind: "join_request", post: null }))).toBe("/communities/0190a000-0000-7000-8000-000000000001/requests");
  });

  it("leads to the community when there is no post", () => {
    expect(notificationTarget(aNotification({ kind: "request_approved", post: null }))).toBe("/communities/0190a000-0000-7000-8000-000000000001");
  });
});
