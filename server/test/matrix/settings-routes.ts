// Matrix entries for a community's charter and cover image.
import type { LightMyRequestResponse } from "fastify";
import { forbidden, guardedChange, manages, onLive, onVisible, roleIn, success } from "./grid.ts";
import { isCommunity, type CommunityRoute } from "./route-kit.ts";

/** A served image, never sniffed as anything else. */
function isImage(response: LightMyRequestResponse): string | undefined {
  if (!String(response.headers["content-type"]).startsWith("image/")) return `served ${String(response.headers["content-type"])}`;
  return response.headers["x-content-type-options"] === "nosniff" ? undefined : "served without nosniff";
}

export const settingsRoutes: Record<string, CommunityRoute> = {
  "PUT /api/v1/communities/{id}/charter": {
    writes: true,
    request: () => ({ json: { text: "Be kind, and cite your sources.", required: true } }),
    expect: (cell, fixture) => guardedChange(cell, manages, success(200, isCommunity(fixture))),
  },
  "DELETE /api/v1/communities/{id}/charter": {
    writes: true,
    request: () => ({}),
    expect: (cell, fixture) => guardedChange(cell, manages, success(200, isCommunity(fixture))),
  },
  // Recording that one accepted the charter is allowed while archived (the implementation's choice).
  "POST /api/v1/communities/{id}/charter/accept": {
    writes: true,
    request: () => ({ json: { version: 1 } }),
    expect: (cell, fixture) => onLive(cell, (live) => (roleIn(live) === null ? forbidden() : success(200, isCommunity(fixture)))),
  },
  "PUT /api/v1/communities/{id}/cover": {
    writes: true,
    request: () => ({ file: true }),
    expect: (cell, fixture) => guardedChange(cell, manages, success(200, isCommunity(fixture))),
  },
  "DELETE /api/v1/communities/{id}/cover": {
    writes: true,
    request: () => ({}),
    expect: (cell, fixture) => guardedChange(cell, manages, success(200, isCommunity(fixture))),
  },
  // A closed community's cover shows in the directory: whoever sees the community sees its cover.
  "GET /api/v1/communities/{id}/cover": {
    writes: false,
    request: () => ({}),
    expect: (cell) => onVisible(cell, () => success(200, isImage)),
  },
};
