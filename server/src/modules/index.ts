import type { FastifyInstance } from "fastify";
import type { EventHandler } from "../platform/outbox.ts";
import type { Runtime } from "../runtime.ts";
import { accountsRoutes } from "./accounts/routes.ts";
import { communitiesEventHandlers } from "./communities/events.ts";
import { disconnectRoutes } from "./disconnect/routes.ts";
import { communityMembershipRoutes } from "./communities/membership-routes.ts";
import { communitiesRoutes } from "./communities/routes.ts";
import { communitySettingsRoutes } from "./communities/settings-routes.ts";
import { attachmentsEventHandlers } from "./attachments/events.ts";
import { attachmentsRoutes } from "./attachments/routes.ts";
import { commentsRoutes } from "./comments/routes.ts";
import { feedsRoutes } from "./feeds/routes.ts";
import { healthRoutes } from "./health/routes.ts";
import { invitationsEventHandlers } from "./invitations/events.ts";
import { invitationsRoutes } from "./invitations/routes.ts";
import { notificationsEventHandlers } from "./notifications/events.ts";
import { notificationsRoutes } from "./notifications/routes.ts";
import { organisationRoutes } from "./organisation/routes.ts";
import { peopleRoutes } from "./people/routes.ts";
import { postsRoutes } from "./posts/routes.ts";
import { previewsEventHandlers } from "./previews/events.ts";
import { pushRoutes } from "./push/routes.ts";
import { recoveryEventHandlers } from "./recovery/events.ts";
import { realtimeRoutes } from "./realtime/routes.ts";
import { recoveryRoutes } from "./recovery/routes.ts";
import { schedulingRoutes } from "./scheduling/routes.ts";
import { searchRoutes } from "./search/routes.ts";

/** Every feature's HTTP routes, registered under the app in this order. */
export async function registerModules(app: FastifyInstance, runtime: Runtime): Promise<void> {
  await app.register(healthRoutes(runtime));
  await app.register(accountsRoutes(runtime));
  await app.register(invitationsRoutes(runtime));
  await app.register(recoveryRoutes(runtime));
  await app.register(peopleRoutes(runtime));
  await app.register(organisationRoutes(runtime));
  await app.register(communitiesRoutes(runtime));
  await app.register(communityMembershipRoutes(runtime));
  await app.register(communitySettingsRoutes(runtime));
  await app.register(postsRoutes(runtime));
  await app.register(commentsRoutes(runtime));
  await app.register(feedsRoutes(runtime));
  await app.register(attachmentsRoutes(runtime));
  await app.register(notificationsRoutes(runtime));
  await app.register(searchRoutes(runtime));
  await app.register(realtimeRoutes(runtime));
  await app.register(disconnectRoutes(runtime));
  await app.register(pushRoutes(runtime));
  await app.register(schedulingRoutes(runtime));
}

/** Every feature's outbox handlers, by event type. */
export function eventHandlers(runtime: Runtime): Record<string, EventHandler[]> {
  const merged: Record<string, EventHandler[]> = {};
  for (const handlers of [invitationsEventHandlers(runtime), recoveryEventHandlers(runtime), communitiesEventHandlers(runtime), previewsEventHandlers(runtime), notificationsEventHandlers(runtime), attachmentsEventHandlers(runtime)]) {
    for (const [type, list] of Object.entries(handlers)) merged[type] = [...(merged[type] ?? []), ...list];
  }
  return merged;
}
