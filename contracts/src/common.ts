import { Type, type Static, type TSchema } from "@sinclair/typebox";

/** A UUID (Ruche makes UUIDv7 ids). */
export const Id = Type.String({ format: "uuid" });

/** An ISO 8601 timestamp. */
export const Timestamp = Type.String({ format: "date-time" });

/** The shape of every error response. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({
            field: Type.Optional(Type.String()),
            code: Type.Optional(Type.String()),
            message: Type.String(),
          }),
        ),
      ),
    }),
  },
  { $id: "ErrorResponse" },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

/** `?cursor=...&limit=...` for keyset-paginated lists. */
export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

/** A page of a keyset-paginated list. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const Language = Type.Union([Type.Literal("fr"), Type.Literal("en")]);
export type Language = Static<typeof Language>;

export const Email = Type.String({ format: "email", maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });
/** An IANA time zone name, checked by the server against the runtime's list. */
export const TimeZone = Type.String({ minLength: 1, maxLength: 64 });

export const NetworkRole = Type.Union([Type.Literal("admin"), Type.Literal("member"), Type.Literal("guest")]);
export type NetworkRole = Static<typeof NetworkRole>;
