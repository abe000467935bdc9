import { Type, type Static } from "@sinclair/typebox";
import { Id } from "./common.ts";

/**
 * The one-click unsubscribe link of a notification mail (RFC 8058): the person, what to stop (all
 * notification email) and the server's signature of both. GET shows a confirmation page; POST stops.
 */
export const UnsubscribeQuery = Type.Object(
  {
    user: Id,
    stop: Type.Literal("email"),
    signature: Type.String({ pattern: "^[A-Za-z0-9_-]{43}$", description: "HMAC-SHA256 of the person and what to stop, base64url" }),
  },
  { additionalProperties: false },
);
export type UnsubscribeQuery = Static<typeof UnsubscribeQuery>;
