// Whole HTTP requests for one route of the OpenAPI description: path, query string, body, content type, headers.
import fc from "fast-check";
import { plausible, plausibleField, SELF_ID, shallowJson, trickyString, wrongValue, type KnownValues } from "./fuzz-values.ts";
import type { ApiRoute, JsonSchema, RouteParameter } from "./openapi-routes.ts";

/** A generated request, before the caller's cookie, CSRF token and request id are added. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

interface Body {
  payload?: string | Buffer;
  contentType?: string;
}

/** Serialises `[key, value]` pairs as a JSON object, keeping duplicates and keys such as `__proto__`. */
function jsonObjectText(entries: [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;
}

const unknownKey = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("__proto__", "constructor", "id", "role", "isAdmin", "userId"));

/** The route's own fields, each valid, wrongly typed, tricky or missing, plus unknown fields. */
function mutatedObject(schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const value = fc.oneof({ weight: 5, arbitrary: plausibleField(key, property, known) }, { weight: 1, arbitrary: wrongValue });
    return fc.option(value.map((field): [string, unknown] => [key, field]), { nil: undefined, freq: 4 });
  });
  const extra = fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(unknownKey, shallowJson), { minLength: 1, maxLength: 2 }) });
  return fc
    .tuple(fc.tuple(...fields), extra)
    .map(([own, unknown]) => jsonObjectText([...own.filter((entry) => entry !== undefined), ...unknown]));
}

const jsonContentType = fc.oneof(
  { weight: 20, arbitrary: fc.constant<string | undefined>("application/json") },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(
        "application/json; charset=utf-8",
        "application/json; charset=utf-16",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "application/xml",
        "image/png",
        "*/*",
        "",
      ),
      fc.string({ unit: "binary-ascii", maxLength: 30 }).map((text) => text.replace(/[^\x20-\x7e]/g, "")),
    ),
  },
);

const malformedJson = fc.oneof(
  fc.constantFrom("{", "[", '{"a":', '{"a":1,}', "nul", "tru", "{'a':1}", '"\\ud800"', '{"a":"\\u0000"}', "\u0000", "", " ", "{}}", "1e999999"),
  fc.string({ maxLength: 40 }),
);
const jsonOfWrongType = fc.oneof(fc.array(shallowJson, { maxLength: 3 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null), fc.boolean()).map((value) => JSON.stringify(value));

function jsonBody(route: ApiRoute, known: KnownValues): fc.Arbitrary<Body> {
  const schema = route.jsonBody;
  const objects = schema
    ? fc.oneof({ weight: 5, arbitrary: plausible(schema, known).map((value) => JSON.stringify(value)) }, { weight: 3, arbitrary: mutatedObject(schema, known) })
    : fc.dictionary(unknownKey, shallowJson, { maxKeys: 3 }).map((value) => JSON.stringify(value));
  const text = fc.oneof({ weight: 10, arbitrary: objects }, { weight: 1, arbitrary: malformedJson }, { weight: 1, arbitrary: jsonOfWrongType });
  return fc.tuple(text, jsonContentType).map(([payload, contentType]): Body => (contentType === undefined ? { payload } : { payload, contentType }));
}

function fileBytes(known: KnownValues): fc.Arbitrary<Buffer> {
  const magic = fc.constantFrom("\x89PNG\r\n\x1a\n", "\xff\xd8\xff\xe0", "GIF89a", "RIFF\x00\x00\x00\x00WEBPVP8 ", "%PDF-1.4", "<svg xmlns='http://www.w3.org/2000/svg'>", "PK\x03\x04");
  const randomFile = fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes));
  return fc.oneof(
    { weight: 2, arbitrary: randomFile },
    { weight: 2, arbitrary: fc.tuple(magic, randomFile).map(([head, rest]) => Buffer.concat([Buffer.from(head, "latin1"), rest])) },
    { weight: 5, arbitrary: fc.constantFrom(...known.images) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...known.images), fc.double({ min: 0, max: 1, noNaN: true })).map(([image, share]) => image.subarray(0, Math.floor(image.length * share))) },
    { weight: 1, arbitrary: fc.constant(known.oversizedFile) },
  );
}

const filePart = (known: KnownValues) =>
  fc.record({
    field: fc.oneof({ weight: 5, arbitrary: fc.constant("file") }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
    filename: fc.option(fc.oneof(fc.constantFrom("image.png", "photo.jpg", "../../etc/passwd", "a\u0000.png"), fc.string({ maxLength: 20 })), { nil: undefined }),
    contentType: fc.option(fc.oneof(fc.constantFrom("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "application/octet-stream", "text/plain", "application/pdf", ""), fc.string({ unit: "binary-ascii", maxLength: 20 })), { nil: undefined }),
    data: fileBytes(known),
  });

/** A multipart body, sometimes well formed with a real image, sometimes with random bytes, extra parts or a broken frame. */
function multipartBody(known: KnownValues): fc.Arbitrary<Body> {
  return fc
    .record({
      parts: fc.oneof(
        { weight: 6, arbitrary: filePart(known).map((part) => [part]) },
        { weight: 1, arbitrary: fc.array(filePart(known), { maxLength: 0 }) },
        { weight: 1, arbitrary: fc.array(filePart(known), { minLength: 2, maxLength: 3 }) },
      ),
      ending: fc.oneof({ weight: 9, arbitrary: fc.constant("closed") }, { weight: 1, arbitrary: fc.constantFrom("cut", "garbage") }),
      boundary: fc.oneof({ weight: 9, arbitrary: fc.constant("declared") }, { weight: 1, arbitrary: fc.constantFrom("other", "none") }),
    })
    .map(({ parts, ending, boundary }) => {
      const marker = "----ruche-fuzz-7f3a9c2e1b";
      const chunks = parts.flatMap((part) => {
        const disposition = `form-data; name="${part.field}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
        const type = part.contentType === undefined ? "" : `Content-Type: ${part.contentType}\r\n`;
        return [Buffer.from(`--${marker}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), part.data, Buffer.from("\r\n")];
      });
      const end = ending === "closed" ? `--${marker}--\r\n` : ending === "garbage" ? "--nonsense\r\n\r\n" : "";
      const declared = boundary === "declared" ? `; boundary=${marker}` : boundary === "other" ? "; boundary=elsewhere" : "";
      return { payload: Buffer.concat([...chunks, Buffer.from(end)]), contentType: `multipart/form-data${declared}` };
    });
}

function bodyOf(route: ApiRoute, known: KnownValues): fc.Arbitrary<Body> {
  const readsBody = route.method !== "GET" && route.method !== "DELETE";
  return fc.oneof(
    { weight: route.jsonBody ? 12 : 1, arbitrary: jsonBody(route, known) },
    { weight: route.mayTakeUpload ? 8 : 1, arbitrary: multipartBody(known) },
    { weight: readsBody ? 1 : 8, arbitrary: fc.constant<Body>({}) },
  );
}

/** `arbitrary`'s value one time in ten, otherwise undefined. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

/** `encodeURIComponent` that survives lone surrogates (sent as U+FFFD, as a browser would). */
function encode(text: string): string {
  return encodeURIComponent(Buffer.from(text, "utf8").toString("utf8"));
}

const rawSegment = fc.constantFrom("%FF", "%00", "%C0%AF", "%", "%2F", "..", ".", "null", "undefined", "0", "-1", "me", "%E2%80%AE", "' OR 1=1 --");

function pathValue(known: KnownValues): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(SELF_ID, ...known.ids) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map(encode) },
    { weight: 1, arbitrary: trickyString.map(encode) },
    { weight: 1, arbitrary: rawSegment },
    { weight: 1, arbitrary: fc.integer({ min: 37, max: 10_000 }).map((length) => "a".repeat(length)) },
  );
}

const wrongQueryValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  trickyString,
  fc.integer().map(String),
  fc.constantFrom("", "-1", "0", "1.5", "1e309", "NaN", "Infinity", "true", "null", "[]", "{}", "99999999999999999999"),
  fc.integer({ min: 200, max: 20_000 }).map((length) => "9".repeat(length)),
);

// Numbers arrive as text and are coerced: the spellings that coercion may turn into something odd.
const numericEdge = fc.oneof(
  fc.constantFrom("Infinity", "-Infinity", "1e309", "-1e309", "NaN", "1e2", "0x10", "1.0", "-0", "9007199254740993", " 5", "5 ", "+5"),
  fc.integer({ min: 300, max: 400 }).map((length) => "9".repeat(length)),
);

function queryValue(parameter: RouteParameter, known: KnownValues): fc.Arbitrary<[string, string]> {
  const valid = plausibleField(parameter.name, parameter.schema, known).map((value) => (typeof value === "string" ? value : JSON.stringify(value)));
  const numeric = parameter.schema.type === "integer" || parameter.schema.type === "number";
  const value = fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrongQueryValue }, { weight: numeric ? 1 : 0, arbitrary: numericEdge });
  return value.map((text): [string, string] => [parameter.name, text]);
}

/** A query string: the route's parameters (valid, wrongly typed, over-long, repeated) among random keys, sometimes badly encoded. */
function queryOf(route: ApiRoute, known: KnownValues): fc.Arbitrary<string> {
  const names = route.queryParameters.map((parameter) => parameter.name);
  const own = route.queryParameters.map((parameter) => fc.option(queryValue(parameter, known), { nil: undefined, freq: 2 }));
  const key = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("__proto__", "constructor", "a[b]", "limit[]", ...names));
  const extra = fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(key, wrongQueryValue), { minLength: 1, maxLength: 3 }) });
  const raw = rarely(fc.constantFrom("%", "%E0%A4%A", "%00", "&&&", "=", "a=%FF", "limit=1&limit=2", "__proto__[x]=1"));
  return fc.tuple(fc.tuple(...own), extra, raw).map(([ownEntries, extraEntries, rawPart]) => {
    const pairs = [...ownEntries.filter((entry) => entry !== undefined), ...extraEntries].map(([name, value]) => `${encode(name)}=${encode(value)}`);
    return [...pairs, ...(rawPart === undefined ? [] : [rawPart])].join("&");
  });
}

const oddHeaders = fc.record(
  {
    authorization: fc.oneof(fc.constantFrom("Bearer ", "Bearer not-a-token", "Basic YTpi", "bearer x"), fc.string({ unit: "binary-ascii", maxLength: 40 }).map((text) => `Bearer ${text.replace(/[^\x21-\x7e]/g, "")}`)),
    "x-csrf-token": fc.string({ unit: "binary-ascii", maxLength: 20 }).map((text) => text.replace(/[^\x21-\x7e]/g, "")),
    "accept-language": fc.constantFrom("fr", "en-GB,en;q=0.8", "*", "xx", ""),
  },
  { requiredKeys: [] },
);

/** Requests of any shape for `route`: path, query string, body, content type and some odd headers. */
export function requestsFor(route: ApiRoute, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const pathValues = fc.tuple(...route.pathParameters.map(() => pathValue(known)));
  const extraHeaders = rarely(oddHeaders);
  return fc.record({ pathValues, query: queryOf(route, known), body: bodyOf(route, known), extraHeaders }).map(({ pathValues, query, body, extraHeaders }) => {
    let path = route.path;
    route.pathParameters.forEach((parameter, index) => {
      path = path.replace(`{${parameter.name}}`, pathValues[index] ?? "");
    });
    const headers: Record<string, string> = { ...(body.contentType === undefined ? {} : { "content-type": body.contentType }), ...extraHeaders };
    const request = { method: route.method, url: query ? `${path}?${query}` : path, headers, ...(body.payload === undefined ? {} : { payload: body.payload }) };
    // fast-check prints counterexamples with this, rather than dumping megabytes of payload.
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
  });
}

/** The request as a person reads it: method, URL, headers, and the body escaped and cut short. */
export function describeRequest(request: FuzzRequest): string {
  const { payload } = request;
  const body =
    payload === undefined
      ? "(none)"
      : typeof payload === "string"
        ? `${payload.length} characters: ${JSON.stringify(payload.slice(0, 2000))}`
        : `${payload.length} bytes: ${JSON.stringify(payload.subarray(0, 600).toString("latin1"))}`;
  const url = request.url.length > 2000 ? `${request.url.slice(0, 2000)}... (${request.url.length} characters)` : request.url;
  return [`${request.method} ${url}`, `headers: ${JSON.stringify(request.headers)}`, `body: ${body}`].join("\n");
}
