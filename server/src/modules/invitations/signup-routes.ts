import { ErrorResponse, SignupBody } from "@ruche/contracts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Runtime } from "../../runtime.ts";
import { signUp } from "./signup.ts";

/** Self sign-up for addresses in the organisation's allowed domains. */
export function signupRoutes(runtime: Runtime): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      "/api/v1/auth/signup",
      {
        config: { csrf: false, rateLimit: { max: 10, timeWindow: "1 hour", hook: "preHandler" } },
        schema: {
          tags: ["auth"],
          summary: "Create an account in an allowed email domain; a verification link is mailed",
          security: [],
          body: SignupBody,
          response: { 202: Type.Null({ description: "Accepted: check your inbox" }), "4xx": Type.Ref(ErrorResponse) },
        },
      },
      async (request, reply) => {
        await signUp(runtime.db, request.body);
        return reply.status(202).send(null);
      },
    );
  };
}
