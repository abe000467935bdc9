import type { Notification } from "@ruche/contracts";
import type { TFunction } from "i18next";

/** The catalogue key (in `notifications:kinds`) that describes a notification, and its values. */
export function notificationMessage(notification: Notification): { key: string; grouped: boolean } {
  const onComment = notification.comment !== null;
  switch (notification.kind) {
    case "mention":
      return { key: onComment ? "mentionComment" : "mentionPost", grouped: false };
    case "reaction":
      return { key: onComment ? "reactionComment" : "reactionPost", grouped: true };
    case "comment":
      return { key: "comment", grouped: true };
    case "reply":
      return { key: "reply", grouped: true };
    case "invitation":
      return { key: "invitation", grouped: false };
    case "join_request":
      return { key: "joinRequest", grouped: true };
    case "request_approved":
      return { key: "requestApproved", grouped: false };
    case "request_refused":
      return { key: "requestRefused", grouped: false };
    case "announcement":
      return { key: "announcement", grouped: false };
    case "community_post":
      return { key: "communityPost", grouped: true };
  }
}

/**
 * A notification as a sentence in the reader's language: "Camille et 3 autres ont réagi à votre
 * publication". Grouped kinds count the people besides the first (`_zero` when alone), so the
 * verb agrees with them.
 */
export function notificationText(notification: Notification, t: TFunction): string {
  const { key, grouped } = notificationMessage(notification);
  const actor = notification.actors[0]?.displayName ?? t("notifications:someone");
  const values = { actor, community: notification.community?.name ?? "" };
  if (!grouped) return t(`notifications:kinds.${key}`, values);
  const others = Math.max(0, notification.actorCount - 1);
  return t(`notifications:kinds.${key}`, { ...values, count: others });
}

/**
 * Where a notification leads: the post (at the comment, if any), the community's requests for
 * its managers, else the community.
 */
export function notificationTarget(notification: Notification): string | null {
  const community = notification.community ? `/communities/${encodeURIComponent(notification.community.id)}` : null;
  if (notification.kind === "join_request" && community) return `${community}/requests`;
  if (notification.post) return `/posts/${encodeURIComponent(notification.post.id)}`;
  return community;
}
