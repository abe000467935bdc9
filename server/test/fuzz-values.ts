// Values for fuzzing, generated from JSON Schemas: plausible ones that pass validation, and wrong or tricky ones.
import fc from "fast-check";
import type { JsonSchema } from "./openapi-routes.ts";

/** Stands for the caller's own id in a generated request; replaced once the caller exists. */
export const SELF_ID = "00000000-5e1f-4000-8000-000000000000";

/** Real values mixed into the generated requests, so that some of them get past validation and reach the services. */
export interface KnownValues {
  /** Ids of real rows, any table. */
  ids: string[];
  emails: string[];
  /** Other strings a route may accept: a real password, languages, roles. */
  strings: string[];
  /** Small valid images (PNG, JPEG, GIF, WebP) and one file over the upload limit. */
  images: Buffer[];
  oversizedFile: Buffer;
}

/** Characters that tend to break things: NUL (PostgreSQL refuses it in text), lone surrogates, bidi overrides, LIKE and quote characters. */
const trickyCharacter = fc.oneof(
  fc.constantFrom("\u0000", "\ud800", "\udfff", "\u202e", "\ufeff", "\u0301", "é", "😀", "'", '"', "\\", "%", "_", "*", "<", "\n", " "),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
export const trickyString = fc.string({ unit: trickyCharacter, maxLength: 30 });
const hugeString = fc
  .tuple(fc.constantFrom("a", "é", "😀", "\u0000", "9"), fc.integer({ min: 300, max: 200_000 }))
  .map(([character, count]) => character.repeat(count));
export const shallowJson = fc.jsonValue({ maxDepth: 2 });

/** Any JSON value, very likely of the wrong type for the field it lands in. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  trickyString,
  hugeString,
  fc.array(shallowJson, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), shallowJson, { maxKeys: 3 }),
);

function plausibleString(schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 80));
  const fitting = known.strings.filter((value) => value.length >= minLength && value.length <= maxLength);
  const generic = [
    { weight: 3, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: trickyCharacter, minLength, maxLength }) },
    ...(fitting.length ? [{ weight: 1, arbitrary: fc.constantFrom(...fitting) }] : []),
  ];
  switch (schema.format) {
    case "uuid":
      return fc.oneof(fc.constantFrom(SELF_ID, ...known.ids), fc.uuid());
    case "email":
      return fc.oneof(fc.emailAddress(), ...(known.emails.length ? [fc.constantFrom(...known.emails)] : []));
    case "date-time":
      return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    case "uri":
    case "url":
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc.oneof({ weight: 10, arbitrary: fc.stringMatching(new RegExp(schema.pattern)) }, ...generic);
    } catch {
      // A pattern fast-check cannot invert: fall back to ordinary strings.
    }
  }
  return fc.oneof(...generic);
}

// Services check some strings beyond their schema (a time zone must exist): real ones get further.
const timeZone = fc.constantFrom("Europe/Paris", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham");

/** A plausible value for the field `name`, using what its name tells when the schema cannot. */
export function plausibleField(name: string, schema: JsonSchema, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  const value = plausible(schema, known, depth);
  return /time.?zone/i.test(name) ? fc.oneof({ weight: 3, arbitrary: timeZone }, { weight: 1, arbitrary: value }) : value;
}

function plausibleObject(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), shallowJson, { maxKeys: 3 });
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, plausibleField(key, property, known, depth + 1)]));
  return fc.record(model, { requiredKeys: schema.required ?? [] });
}

/** A value that looks valid for `schema`: right type and bounds, sometimes real ids, emails or the real password. */
export function plausible(schema: JsonSchema, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((alternative) => plausible(alternative, known, depth + 1)));
  if (schema.allOf?.length) return plausible(Object.assign({}, ...schema.allOf), known, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const minimum = schema.minimum ?? -1000;
  switch (type) {
    case "string":
      return plausibleString(schema, known);
    case "integer":
      return fc.integer({ min: minimum, max: schema.maximum ?? Math.max(minimum, 0) + 1_000_000 });
    case "number":
      return fc.double({ min: minimum, max: schema.maximum ?? Math.max(minimum, 0) + 1_000_000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return fc.array(plausible(schema.items ?? {}, known, depth + 1), { minLength, maxLength });
    }
    case "object":
      return plausibleObject(schema, known, depth);
    default:
      return shallowJson;
  }
}
