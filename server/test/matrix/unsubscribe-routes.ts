// The one-click unsubscribe link of notification mails: its signature is its authorization, so
// whoever sends it (signed in or not, with or without a CSRF token) gets the same answer.
import { unsubscribeUrl } from "../../src/modules/notifications/email-unsubscribe.ts";
import { buildUser } from "../factories.ts";
import { everyone, type GlobalContext, type GlobalRoute } from "./global-kit.ts";

/** The query of a freshly signed link, for a person of its own. */
async function signedLink(context: GlobalContext): Promise<{ query: string }> {
  const person = await buildUser(context.db);
  const url = await unsubscribeUrl(context.db, { publicUrl: "http://localhost:3000", userId: person.id });
  return { query: new URL(url).search.slice(1) };
}

export const unsubscribeGlobalRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/notifications/unsubscribe": { request: signedLink, expect: everyone(200) },
  "POST /api/v1/notifications/unsubscribe": { request: signedLink, expect: everyone(200) },
};
