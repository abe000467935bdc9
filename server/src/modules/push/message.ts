import type { Notification, PushPayload } from "@ruche/contracts";

type Language = "fr" | "en";

/** Sentences by kind; `{a}` the first actor, `{c}` the community, `{n}` how many others. */
const SENTENCES: Record<Language, Record<string, [alone: string, withOthers: string]>> = {
  en: {
    mentionPost: ["{a} mentioned you in a post", "{a} mentioned you in a post"],
    mentionComment: ["{a} mentioned you in a comment", "{a} mentioned you in a comment"],
    comment: ["{a} commented on a post", "{a} and {n} others commented on a post"],
    reply: ["{a} replied to your comment", "{a} and {n} others replied to your comment"],
    reactionPost: ["{a} reacted to your post", "{a} and {n} others reacted to your post"],
    reactionComment: ["{a} reacted to your comment", "{a} and {n} others reacted to your comment"],
    invitation: ["{a} invited you to join {c}", "{a} invited you to join {c}"],
    join_request: ["{a} asks to join {c}", "{a} and {n} others ask to join {c}"],
    request_approved: ["Your request to join {c} was approved", "Your request to join {c} was approved"],
    request_refused: ["Your request to join {c} was declined", "Your request to join {c} was declined"],
    announcement: ["{a} published an announcement in {c}", "{a} published an announcement in {c}"],
    community_post: ["{a} posted in {c}", "{a} and {n} others posted in {c}"],
  },
  fr: {
    mentionPost: ["{a} vous a mentionné dans une publication", "{a} vous a mentionné dans une publication"],
    mentionComment: ["{a} vous a mentionné dans un commentaire", "{a} vous a mentionné dans un commentaire"],
    comment: ["{a} a commenté une publication", "{a} et {n} autres ont commenté une publication"],
    reply: ["{a} a répondu à votre commentaire", "{a} et {n} autres ont répondu à votre commentaire"],
    reactionPost: ["{a} a réagi à votre publication", "{a} et {n} autres ont réagi à votre publication"],
    reactionComment: ["{a} a réagi à votre commentaire", "{a} et {n} autres ont réagi à votre commentaire"],
    invitation: ["{a} vous invite à rejoindre {c}", "{a} vous invite à rejoindre {c}"],
    join_request: ["{a} demande à rejoindre {c}", "{a} et {n} autres demandent à rejoindre {c}"],
    request_approved: ["Votre demande pour rejoindre {c} a été acceptée", "Votre demande pour rejoindre {c} a été acceptée"],
    request_refused: ["Votre demande pour rejoindre {c} a été refusée", "Votre demande pour rejoindre {c} a été refusée"],
    announcement: ["{a} a publié une annonce dans {c}", "{a} a publié une annonce dans {c}"],
    community_post: ["{a} a publié dans {c}", "{a} et {n} autres ont publié dans {c}"],
  },
};

const WORDS = {
  en: { someone: "Someone", several: (count: number) => `${count} new notifications`, app: "Ruche" },
  fr: { someone: "Quelqu'un", several: (count: number) => `${count} nouvelles notifications`, app: "Ruche" },
};

function sentenceKey(notification: Notification): string {
  const onComment = notification.comment !== null;
  if (notification.kind === "mention") return onComment ? "mentionComment" : "mentionPost";
  if (notification.kind === "reaction") return onComment ? "reactionComment" : "reactionPost";
  return notification.kind;
}

/** One notification as a sentence in the person's language, as the web app words it. */
export function sentenceOf(notification: Notification, language: Language): string {
  const others = Math.max(0, notification.actorCount - 1);
  const [alone, withOthers] = SENTENCES[language][sentenceKey(notification)] ?? ["{a}", "{a}"];
  return (others > 0 ? withOthers : alone)
    .replace("{a}", notification.actors[0]?.displayName ?? WORDS[language].someone)
    .replace("{c}", notification.community?.name ?? "")
    .replace("{n}", String(others));
}

/** Where a notification leads in the web app (the same rule as its notification list). */
function targetOf(notification: Notification): string {
  const community = notification.community ? `/communities/${encodeURIComponent(notification.community.id)}` : null;
  if (notification.kind === "join_request" && community) return `${community}/requests`;
  if (notification.post) return `/posts/${encodeURIComponent(notification.post.id)}`;
  return community ?? "/notifications";
}

/**
 * The one push that tells a person of their due notifications (most recent first): a single one
 * in its own words, leading to what it is about; several as a count, leading to the list.
 */
export function pushPayloadOf(notifications: Notification[], language: Language): PushPayload | undefined {
  const [first] = notifications;
  if (!first) return undefined;
  if (notifications.length === 1) {
    const excerpt = first.comment?.excerpt ?? first.post?.excerpt ?? first.community?.name ?? "";
    return { title: sentenceOf(first, language), body: excerpt, url: targetOf(first), tag: "ruche-notifications", count: 1 };
  }
  const latest = notifications.slice(0, 3).map((notification) => sentenceOf(notification, language));
  return { title: WORDS[language].several(notifications.length), body: latest.join("\n"), url: "/notifications", tag: "ruche-notifications", count: notifications.length };
}
