import { ErrorResponse, PasswordResetConfirmBody, PasswordResetRequestBody, ResendVerificationBody, TokenBody } from "@ruche/contracts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { Runtime } from "../../runtime.ts";
import { confirmPasswordReset, requestPasswordReset, resendEmailVerification, verifyEmail } from "./service.ts";

const problem = Type.Ref(ErrorResponse);
const acceptedForDelivery = Type.Null({ description: "Accepted: a mail goes out if the address has a matching account" });
const done = Type.Null({ description: "Done" });

/** Rate-limit key for requests that mail an address: the lower-cased address from the (parsed) body. */
function addressKey(request: FastifyRequest): string {
  const body = request.body;
  const email = typeof body === "object" && body !== null && "email" in body && typeof body.email === "string" ? body.email : "";
  return `address:${email.trim().toLowerCase()}`;
}

// Limits keyed on the address protect each inbox from floods; links themselves are unguessable.
const perAddress = { max: 5, timeWindow: "30 minutes", keyGenerator: addressKey, hook: "preHandler" as const };
const perClient = { max: 30, timeWindow: "15 minutes", hook: "preHandler" as const };

/** HTTP routes of the recovery module: email verification and password reset. */
export function recoveryRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      "/api/v1/auth/verify-email",
      {
        config: { csrf: false, rateLimit: perClient },
        schema: { tags: ["auth"], summary: "Confirm an email address from its emailed link", body: TokenBody, response: { 204: done, "4xx": problem } },
      },
      async (request, reply) => {
        await verifyEmail(runtime.db, request.body.token);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/v1/auth/verify-email/resend",
      {
        config: { csrf: false, rateLimit: perAddress },
        schema: { tags: ["auth"], summary: "Send a new email-verification link", body: ResendVerificationBody, response: { 202: acceptedForDelivery, "4xx": problem } },
      },
      async (request, reply) => {
        await resendEmailVerification(runtime.db, request.body.email);
        return reply.status(202).send(null);
      },
    );

    app.post(
      "/api/v1/auth/password-reset",
      {
        config: { csrf: false, rateLimit: perAddress },
        schema: { tags: ["auth"], summary: "Email a one-hour password-reset link", body: PasswordResetRequestBody, response: { 202: acceptedForDelivery, "4xx": problem } },
      },
      async (request, reply) => {
        await requestPasswordReset(runtime.db, request.body.email);
        return reply.status(202).send(null);
      },
    );

    app.post(
      "/api/v1/auth/password-reset/confirm",
      {
        config: { csrf: false, rateLimit: perClient },
        schema: { tags: ["auth"], summary: "Set a new password from a reset link; signs out every session", body: PasswordResetConfirmBody, response: { 204: done, "4xx": problem } },
      },
      async (request, reply) => {
        await confirmPasswordReset(runtime.db, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
