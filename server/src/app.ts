import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import fastifyWebsocket from "@fastify/websocket";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { ErrorResponse } from "@ruche/contracts";
import { Redis } from "ioredis";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from "fastify";
import { registerModules } from "./modules/index.ts";
import { MAX_FRAME_BYTES } from "./modules/realtime/connection.ts";
import { registerAuthentication } from "./platform/auth.ts";
import { AppError, errors, registerErrorHandlers, routeNotFound } from "./platform/errors.ts";
import { newId } from "./platform/ids.ts";
import { registerMetrics } from "./platform/metrics.ts";
import { findNulCharacter, validatorCompiler } from "./platform/validation.ts";
import type { Runtime } from "./runtime.ts";

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** The built web file a URL names, if it exists inside web/dist; client-side routes have none. */
function webFileFor(webRoot: string, url: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(url.split("?")[0] ?? "").replace(/^\/+/, "");
  } catch {
    return undefined;
  }
  const file = path.resolve(webRoot, relative);
  if (!relative || !file.startsWith(`${webRoot}${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return relative;
}

export interface AppOptions {
  /** The process's pino logger, or false to stay silent (tests). */
  logger?: false | FastifyBaseLogger;
  /** The built web app to serve at `/` (default: web/dist); tests point it elsewhere. */
  webRoot?: string;
}

/** Builds the HTTP app without listening: `main.ts` listens, tests call `app.inject()`. */
export async function buildApp(runtime: Runtime, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = runtime;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: options.logger ?? { level: config.logLevel } }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : newId();
    },
    ajv: { customOptions: { removeAdditional: false } },
    // URLs Fastify refuses before routing (bad percent-encoding, over-long parameters) get the
    // catalogue's error shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const known = new AppError("validation_failed", error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "A path parameter is too long" : "The URL is not valid");
      void reply.status(known.status).send({ error: { code: known.code, message: known.message } });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerErrorHandlers(app);
  app.addHook("preValidation", async (request) => {
    for (const [part, value] of [["body", request.body], ["query", request.query], ["params", request.params]] as const) {
      const field = findNulCharacter(value);
      if (field !== undefined) throw errors.invalidField(field || part, "must not contain a NUL character");
    }
  });
  app.addSchema(ErrorResponse);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Ruche API", version: "1.0.0", description: "The enterprise social network's REST API." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "ruche_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.avatarMaxBytes, files: 1, fields: 10 } });
  // With several nodes behind one address (REDIS_URL set), the counts live in Redis, so that a
  // limit is the same however requests are spread; alone, each process counts in memory.
  const rateLimitStore = config.redisUrl ? new Redis(config.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1 }) : undefined;
  if (rateLimitStore) app.addHook("onClose", async () => void (await rateLimitStore.quit().catch(() => undefined)));
  await app.register(fastifyRateLimit, {
    global: false,
    ...(rateLimitStore ? { redis: rateLimitStore, nameSpace: `${config.redisPrefix}rate-limit:` } : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError("rate_limited", `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`, undefined, {
        "retry-after": String(Math.ceil(context.ttl / 1000)),
      }),
  });
  // Stream messages are small JSON (a subscription names at most 50 topics): the stream answers a
  // larger one with an error, and ws closes the socket on a frame past MAX_FRAME_BYTES.
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  registerAuthentication(app, { db: runtime.db, config });
  registerMetrics(app);

  await app.register(async (api) => registerModules(api, runtime));

  const webRoot = path.resolve(options.webRoot ?? webDist);
  const hasWebApp = existsSync(path.join(webRoot, "index.html"));
  // Files present at start get routes; files of a later rebuild are found by the fallback below,
  // so the API's own routes never compete with a catch-all.
  if (hasWebApp) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (hasWebApp && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.sendFile(webFileFor(webRoot, request.url) ?? "index.html");
    }
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
  return app;
}
