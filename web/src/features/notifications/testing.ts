import type { Notification } from "@ruche/contracts";
import { aPerson } from "../communities/testing.ts";

/** A notification as the API would send it, for unit tests; `overrides` sets what the test is about. */
export function aNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: "0190d000-0000-7000-8000-000000000001",
    kind: "reaction",
    read: false,
    updatedAt: "2025-03-12T09:00:00.000Z",
    actors: [aPerson({ displayName: "Camille Martin" })],
    actorCount: 1,
    community: { id: "0190a000-0000-7000-8000-000000000001", name: "Randonnée" },
    post: { id: "0190b000-0000-7000-8000-000000000001", excerpt: "Sortie samedi ?" },
    comment: null,
    reason: null,
    ...overrides,
  };
}
