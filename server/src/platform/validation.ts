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

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** Fastify's validator compiler: strict for bodies, coercing for query strings, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  if (httpPart === "body") return strict.compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
  const validate = coercing.compile(schema);
  // Coercion turns "Infinity" or a 400-digit number into a number Ajv's integer check accepts.
  const checked: Validator = (data) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const field = findNonFiniteNumber(data);
    checked.errors = field === undefined ? null : [{ instancePath: `/${field}`, keyword: "type", message: "must be a finite number", params: {} }];
    return field === undefined;
  };
  return checked as ReturnType<FastifySchemaCompiler<object>>;
};

function findNonFiniteNumber(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "number" && !Number.isFinite(item)) return key;
  }
  return undefined;
}

/**
 * The dotted path of the first string (value or key) holding a NUL character, or undefined.
 * PostgreSQL cannot store NUL in text, so such input is refused before it reaches a query.
 */
export function findNulCharacter(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return itemPath;
    const found = findNulCharacter(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
}
