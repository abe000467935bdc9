import { Type, type Static } from "@sinclair/typebox";

/** The server's VAPID public key, for `pushManager.subscribe({ applicationServerKey })`. */
export const PushKey = Type.Object({
  /** Base64url of the uncompressed P-256 point. */
  publicKey: Type.String(),
});
export type PushKey = Static<typeof PushKey>;

/** A browser's PushSubscription, as `subscription.toJSON()` gives it. */
export const PushSubscriptionBody = Type.Object({
  /** The push service's URL for this browser: https only. */
  endpoint: Type.String({ minLength: 1, maxLength: 2048 }),
  expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  keys: Type.Object({
    /** Base64url of the browser's P-256 public key (65 bytes). */
    p256dh: Type.String({ minLength: 1, maxLength: 200 }),
    /** Base64url of the 16-byte authentication secret. */
    auth: Type.String({ minLength: 1, maxLength: 100 }),
  }),
  /**
   * The endpoint this subscription takes the place of, when the push service rotated it
   * (`pushsubscriptionchange`): forgotten in the same transaction, if it is one of the caller's.
   */
  replaces: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
});
export type PushSubscriptionBody = Static<typeof PushSubscriptionBody>;

/** Which of my browsers to stop pushing to. */
export const PushUnsubscribeBody = Type.Object({ endpoint: Type.String({ minLength: 1, maxLength: 2048 }) });
export type PushUnsubscribeBody = Static<typeof PushUnsubscribeBody>;

/** What the service worker receives in a push: it shows `title` and `body`, and opens `url` on click. */
export const PushPayload = Type.Object({
  title: Type.String(),
  body: Type.String(),
  /** A path inside Ruche (`/notifications`, `/posts/<id>`). */
  url: Type.String(),
  /** Replaces an earlier Ruche notification still shown, instead of piling up. */
  tag: Type.String(),
  count: Type.Integer({ minimum: 1 }),
});
export type PushPayload = Static<typeof PushPayload>;
