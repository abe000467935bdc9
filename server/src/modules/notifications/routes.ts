import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CommunityNotificationLevel,
  CommunityParams,
  NotificationParams,
  NotificationSettings,
  NotificationSettingsUpdate,
  NotificationsPage,
  NotificationsQuery,
  UnreadCount,
} from "@ruche/contracts";
import { requireActor } from "../../platform/auth.ts";
import { failures, noContent } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import {
  getNotificationSettings,
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  myUnreadCount,
  setMyCommunityLevel,
  updateNotificationSettings,
} from "./service.ts";
import { unsubscribeRoutes } from "./unsubscribe-routes.ts";

const tags = ["notifications"];

/** In-app notifications and the settings that decide them. */
export function notificationsRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db } = runtime;

  return async (app) => {
    await app.register(unsubscribeRoutes(runtime));

    app.get(
      "/api/v1/notifications",
      { schema: { tags, summary: "My notifications, most recent first", querystring: NotificationsQuery, response: { 200: NotificationsPage, ...failures(400, 401) } } },
      async (request) => listMyNotifications(db, requireActor(request), request.query),
    );

    app.get(
      "/api/v1/notifications/unread-count",
      { schema: { tags, summary: "How many of my notifications are unread", response: { 200: UnreadCount, ...failures(401) } } },
      async (request) => myUnreadCount(db, requireActor(request)),
    );

    app.post(
      "/api/v1/notifications/:id/read",
      { schema: { tags, summary: "Mark one notification read", params: NotificationParams, response: { 204: noContent, ...failures(400, 401, 404) } } },
      async (request, reply) => {
        await markNotificationRead(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/notifications/read-all",
      { schema: { tags, summary: "Mark all my notifications read", response: { 204: noContent, ...failures(401) } } },
      async (request, reply) => {
        await markAllNotificationsRead(db, requireActor(request));
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/me/notification-settings",
      { schema: { tags, summary: "My notification settings", response: { 200: NotificationSettings, ...failures(401) } } },
      async (request) => getNotificationSettings(db, requireActor(request)),
    );

    app.patch(
      "/api/v1/me/notification-settings",
      { schema: { tags, summary: "Change my email frequency or default level", body: NotificationSettingsUpdate, response: { 200: NotificationSettings, ...failures(400, 401) } } },
      async (request) => updateNotificationSettings(db, requireActor(request), request.body),
    );

    app.put(
      "/api/v1/communities/:id/notification-level",
      {
        schema: {
          tags,
          summary: "Choose what a community notifies me of (null: my default)",
          params: CommunityParams,
          body: CommunityNotificationLevel,
          response: { 200: NotificationSettings, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => setMyCommunityLevel(db, requireActor(request), { communityId: request.params.id, level: request.body.level }),
    );
  };
}
