import type { FastifyInstance } from "fastify";

/** The parts of a JSON Schema (as @fastify/swagger writes it into the OpenAPI description) that the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}

/** A path or query parameter of a route. */
export interface RouteParameter {
  name: string;
  schema: JsonSchema;
}

/** One operation of the API and what it accepts, read from the OpenAPI description. */
export interface ApiRoute {
  /** "PATCH /api/v1/people/{id}" */
  label: string;
  method: string;
  /** The OpenAPI path template, parameters in braces. */
  path: string;
  pathParameters: RouteParameter[];
  queryParameters: RouteParameter[];
  /** The JSON body's schema, when the route declares one. */
  jsonBody: JsonSchema | undefined;
  /**
   * Declares a multipart body, or writes without declaring any body: upload routes read their
   * multipart stream themselves, so the description cannot tell them apart from bodyless writes.
   */
  mayTakeUpload: boolean;
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete"]);
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** Replaces every `$ref` to the document's components by the schema it names (bounded, for recursive schemas). */
function inlineReferences(schema: unknown, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineReferences(item, components, depth));
  if (schema === null || typeof schema !== "object") return schema;
  const ref = (schema as JsonSchema).$ref;
  if (typeof ref === "string") {
    const target = components[ref.replace(/^#\/components\/schemas\//, "")];
    return depth < 8 && target ? inlineReferences(target, components, depth + 1) : {};
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, inlineReferences(value, components, depth)]));
}

function parametersIn(operation: OpenApiOperation, location: "path" | "query"): RouteParameter[] {
  return (operation.parameters ?? [])
    .filter((parameter) => parameter.in === location)
    .map((parameter) => ({ name: parameter.name, schema: parameter.schema ?? {} }));
}

function pathParametersOf(path: string, operation: OpenApiOperation): RouteParameter[] {
  const declared = parametersIn(operation, "path");
  // A route without a params schema still has its placeholders.
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  return names.map((name) => declared.find((parameter) => parameter.name === name) ?? { name, schema: {} });
}

function routeOf(path: string, verb: string, operation: OpenApiOperation): ApiRoute {
  const method = verb.toUpperCase();
  const content = operation.requestBody?.content ?? {};
  const jsonBody = content["application/json"]?.schema;
  return {
    label: `${method} ${path}`,
    method,
    path,
    pathParameters: pathParametersOf(path, operation),
    queryParameters: parametersIn(operation, "query"),
    jsonBody,
    mayTakeUpload: "multipart/form-data" in content || (WRITE_METHODS.has(method) && !jsonBody),
  };
}

/** Every operation the app describes under `prefix`, with its parameter and body schemas, `$ref`s inlined. */
export async function discoverRoutes(app: FastifyInstance, prefix = "/api/v1/"): Promise<ApiRoute[]> {
  const response = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
  if (response.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.statusCode}`);
  const document = response.json<OpenApiDocument>();
  const inlined = inlineReferences(document.paths, document.components?.schemas ?? {}) as OpenApiDocument["paths"];
  return Object.entries(inlined)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([verb]) => HTTP_METHODS.has(verb))
        .map(([verb, operation]) => routeOf(path, verb, operation)),
    );
}
