import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { FastifySchemaCompiler } from "fastify";

// Bodies are validated strictly: a wrong type or an unknown field is an error, never coerced or dropped.
const strict = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes: false, allErrors: true });
// Query strings and path parameters arrive as text, so they are coerced ("20" -> 20).
const coercing = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes: "array", allErrors: true });
for (const ajv of [strict, coercing]) {
  addFormats(ajv);
  ajv.addKeyword("kind").addKeyword("modifier");
}

/** Fastify's validator compiler: strict for bodies, coercing for query strings, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === "body" ? strict : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
