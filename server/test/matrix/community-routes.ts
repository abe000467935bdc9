// Every route under /api/v1/communities/{id}: how to call it on a fixture, and what each cell must answer.
import {
  archivedRefusal,
  forbidden,
  guardedChange,
  manages,
  onLive,
  onVisible,
  owns,
  reads,
  refused,
  roleIn,
  success,
} from "./grid.ts";
import { feedCommunityRoutes } from "./feed-routes.ts";
import { membershipRoutes } from "./membership-routes.ts";
import { notificationCommunityRoutes } from "./notification-routes.ts";
import { field, isCommunity, pageIncludes, personId, type CommunityRoute } from "./route-kit.ts";
import { settingsRoutes } from "./settings-routes.ts";

/** Reading the community and its lists. */
const readRoutes: Record<string, CommunityRoute> = {
  "GET /api/v1/communities/{id}": {
    writes: false,
    request: () => ({}),
    expect: (cell, fixture) =>
      onVisible(cell, (visible) =>
        success(200, (response) => {
          const problem = isCommunity(fixture)(response);
          if (problem) return problem;
          const count = field(response, (body) => body.memberCount);
          return reads(visible) === (count !== null) ? undefined : `memberCount is ${String(count)} for someone who ${reads(visible) ? "reads" : "only sees"} it`;
        }),
      ),
  },
  "GET /api/v1/communities/{id}/members": {
    writes: false,
    request: () => ({}),
    expect: (cell, _fixture, people) => onVisible(cell, (visible) => (reads(visible) ? success(200, pageIncludes(people.ids.owner, personId)) : forbidden())),
  },
};

/** Settings and lifecycle. */
const lifecycleRoutes: Record<string, CommunityRoute> = {
  "PATCH /api/v1/communities/{id}": {
    writes: true,
    request: () => ({ json: { description: "Edited by the matrix" } }),
    expect: (cell, fixture) => guardedChange(cell, manages, success(200, isCommunity(fixture))),
  },
  // Archiving twice, or unarchiving a live community, changes nothing and answers 200.
  "POST /api/v1/communities/{id}/archive": {
    writes: true,
    request: () => ({}),
    expect: (cell, fixture) => onLive(cell, (live) => (manages(live) ? success(200, isCommunity(fixture)) : forbidden())),
  },
  "POST /api/v1/communities/{id}/unarchive": {
    writes: true,
    request: () => ({}),
    expect: (cell, fixture) => onLive(cell, (live) => (manages(live) ? success(200, isCommunity(fixture)) : forbidden())),
  },
  // An archived community may still be deleted by its owner.
  "DELETE /api/v1/communities/{id}": {
    writes: true,
    request: () => ({}),
    expect: (cell) => onLive(cell, (live) => (owns(live) ? success(204) : forbidden())),
  },
  // Restoring a community that is not deleted changes nothing.
  "POST /api/v1/communities/{id}/restore": {
    writes: true,
    request: () => ({}),
    expect: (cell, fixture) => onVisible(cell, (visible) => (visible.actor === "admin" ? success(200, isCommunity(fixture)) : forbidden())),
  },
};

/** Joining and leaving. */
const joinRoutes: Record<string, CommunityRoute> = {
  // Joining a community one belongs to changes nothing, archived or not.
  "POST /api/v1/communities/{id}/join": {
    writes: true,
    request: () => ({}),
    expect: (cell, fixture) =>
      onLive(cell, (live) => {
        if (roleIn(live) !== null) return success(200, isCommunity(fixture));
        if (live.state === "archived") return archivedRefusal;
        if (live.visibility === "public") return success(200, isCommunity(fixture));
        return forbidden(live.visibility === "closed" ? "community_request_required" : "community_invitation_only");
      }),
  },
  // Leaving is allowed while archived; someone who does not belong has nothing to do (204).
  "POST /api/v1/communities/{id}/leave": {
    writes: true,
    request: () => ({}),
    expect: (cell) => onLive(cell, (live) => (live.actor === "owner" ? refused(409, "community_last_owner") : success(204))),
  },
};

export const communityRoutes: Record<string, CommunityRoute> = { ...readRoutes, ...lifecycleRoutes, ...joinRoutes, ...membershipRoutes, ...settingsRoutes, ...feedCommunityRoutes, ...notificationCommunityRoutes };
