import { Type, type Static } from "@sinclair/typebox";
import { Email, Id, Language, NetworkRole, PageQuery, Page, TimeZone, Timestamp } from "./common.ts";

/** Text on one line: no control characters (and PostgreSQL cannot store NUL at all). */
export const SingleLine = (options: { minLength?: number; maxLength: number }) =>
  Type.String({ ...options, pattern: "^[^\\u0000-\\u001f\\u007f]*$" });

/** Free text that may span lines: anything but NUL, which PostgreSQL cannot store. */
const MultiLine = (maxLength: number) => Type.String({ maxLength, pattern: "^[^\\u0000]*$" });

const Time = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "HH:MM, 24-hour" });

/** One span of working time on an ISO weekday (1 = Monday ... 7 = Sunday). */
export const WorkingSpan = Type.Object(
  { day: Type.Integer({ minimum: 1, maximum: 7 }), start: Time, end: Time },
  { additionalProperties: false },
);
export type WorkingSpan = Static<typeof WorkingSpan>;

/** When a person works, read by the right to disconnect. */
export const WorkingHours = Type.Array(WorkingSpan, { maxItems: 28 });
export type WorkingHours = Static<typeof WorkingHours>;

/** A person as shown in lists: enough for a card or a mention. */
export const PersonSummary = Type.Object({
  id: Id,
  displayName: Type.String(),
  jobTitle: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  location: Type.Union([Type.String(), Type.Null()]),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  role: NetworkRole,
  active: Type.Boolean(),
});
export type PersonSummary = Static<typeof PersonSummary>;

/** A person's full profile, with their place in the org chart. */
export const Person = Type.Composite([
  PersonSummary,
  Type.Object({
    phone: Type.Union([Type.String(), Type.Null()]),
    bio: Type.Union([Type.String(), Type.Null()]),
    skills: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
    timezone: Type.Union([Type.String(), Type.Null()]),
    workingHours: WorkingHours,
    manager: Type.Union([PersonSummary, Type.Null()]),
    directReports: Type.Array(PersonSummary),
    createdAt: Timestamp,
  }),
]);
export type Person = Static<typeof Person>;

/** The signed-in person: their profile plus what only they (and admins) see. */
export const Me = Type.Composite([
  Person,
  Type.Object({
    email: Type.String(),
    emailVerified: Type.Boolean(),
    language: Type.Union([Language, Type.Null()]),
    /** An absence: no email or push before it ends (the right to disconnect). */
    awayUntil: Type.Union([Timestamp, Type.Null()]),
  }),
]);
export type Me = Static<typeof Me>;

const optionalText = (maxLength: number) => Type.Optional(Type.Union([SingleLine({ maxLength }), Type.Null()]));

/** Fields a person edits on their own profile (admins may edit anyone's). */
export const UpdateProfileBody = Type.Object(
  {
    displayName: Type.Optional(SingleLine({ minLength: 1, maxLength: 120 })),
    jobTitle: optionalText(120),
    department: optionalText(120),
    location: optionalText(120),
    /** null or "" clears it. */
    managerId: Type.Optional(Type.Union([Id, Type.Literal(""), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40, pattern: "^[+0-9 ().-]*$" }), Type.Null()])),
    bio: Type.Optional(Type.Union([MultiLine(2000), Type.Null()])),
    skills: Type.Optional(Type.Array(SingleLine({ minLength: 1, maxLength: 60 }), { maxItems: 50 })),
    languages: Type.Optional(Type.Array(SingleLine({ minLength: 2, maxLength: 35 }), { maxItems: 20 })),
    /** An IANA zone; null or "" clears it. */
    timezone: Type.Optional(Type.Union([TimeZone, Type.Literal(""), Type.Null()])),
    workingHours: Type.Optional(WorkingHours),
    language: Type.Optional(Type.Union([Language, Type.Null()])),
    /** An absence's end; null clears it. */
    awayUntil: Type.Optional(Type.Union([Timestamp, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;

/** Filters of the people directory. */
export const ListPeopleQuery = Type.Composite(
  [
    PageQuery,
    Type.Object({
      q: Type.Optional(SingleLine({ maxLength: 200 })),
      department: Type.Optional(SingleLine({ maxLength: 120 })),
      location: Type.Optional(SingleLine({ maxLength: 120 })),
      skill: Type.Optional(SingleLine({ maxLength: 60 })),
      includeInactive: Type.Optional(Type.Boolean()),
    }),
  ],
  { additionalProperties: false },
);
export type ListPeopleQuery = Static<typeof ListPeopleQuery>;

export const PeoplePage = Page(PersonSummary);
export type PeoplePage = Static<typeof PeoplePage>;

export const PersonParams = Type.Object({ id: Id }, { additionalProperties: false });

/** Admin: change a person's network role. */
export const ChangeRoleBody = Type.Object({ role: NetworkRole }, { additionalProperties: false });

export { Email };
