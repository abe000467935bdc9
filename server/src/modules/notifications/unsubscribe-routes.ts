import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { UnsubscribeQuery } from "@ruche/contracts";
import { Type } from "@sinclair/typebox";
import type { Executor } from "../../platform/db.ts";
import { loadMailContext, type MailLanguage } from "../../platform/email-layout.ts";
import { AppError } from "../../platform/errors.ts";
import { failures } from "../../platform/http.ts";
import type { Runtime } from "../../runtime.ts";
import { confirmUnsubscribePage, unsubscribedPage } from "./email-unsubscribe-page.ts";
import { isSignedUnsubscribe } from "./email-unsubscribe.ts";
import { upsertSettings } from "./repository.ts";

const tags = ["notifications"];
const htmlPage = Type.String({ description: "An HTML page" });

/** The language of the link's person, after checking the link; a bad signature or a gone person is refused alike. */
async function checkedLink(db: Executor, query: UnsubscribeQuery): Promise<MailLanguage> {
  const known = await db.selectFrom("users").select("id").where("id", "=", query.user).executeTakeFirst();
  if (!known || !(await isSignedUnsubscribe(db, query))) throw new AppError("unsubscribe_link_invalid");
  return (await loadMailContext(db, query.user)).language;
}

/**
 * The one-click unsubscribe link of notification mails (RFC 8058). Signed, so it needs no session
 * and no CSRF token: POST stops all notification email; GET only shows a page whose button POSTs.
 */
export function unsubscribeRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  const { db, config } = runtime;
  const url = "/api/v1/notifications/unsubscribe";

  return async (app) => {
    // Mail clients send `List-Unsubscribe=One-Click` as a form; the link itself says everything.
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 1024 }, (_request, _body, done) => done(null, undefined));

    app.get(
      url,
      { schema: { tags, summary: "The confirmation page of a notification mail's unsubscribe link", security: [], querystring: UnsubscribeQuery, response: { 200: htmlPage, ...failures(400) } } },
      async (request, reply) => {
        const language = await checkedLink(db, request.query);
        const actionUrl = `${url}?${new URLSearchParams(request.query).toString()}`;
        return reply.type("text/html; charset=utf-8").send(confirmUnsubscribePage({ language, actionUrl }));
      },
    );

    app.post(
      url,
      {
        config: { csrf: false },
        schema: { tags, summary: "Stop all notification email (one-click unsubscribe)", security: [], querystring: UnsubscribeQuery, response: { 200: htmlPage, ...failures(400) } },
      },
      async (request, reply) => {
        const language = await checkedLink(db, request.query);
        await upsertSettings(db, { userId: request.query.user, email: "none" });
        return reply.type("text/html; charset=utf-8").send(unsubscribedPage({ language, settingsUrl: `${config.publicUrl}/settings/notifications` }));
      },
    );
  };
}
