import { Type, type Static } from "@sinclair/typebox";

const Time = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "HH:MM, 24-hour" });

/** ISO weekdays (1 = Monday ... 7 = Sunday), each once. */
const WorkingDays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true });

/**
 * The organisation's working time: outside it (read in each person's time zone, narrowed by their
 * own hours), email and push notifications are held until the next working period.
 */
export const WorkingTime = Type.Object({
  workingDays: WorkingDays,
  workStarts: Time,
  workEnds: Time,
  /** The organisation's time zone, for people who set none (changed through the organisation's settings). */
  timezone: Type.String(),
  /** Whether community managers may mark their announcements urgent (admins always may). */
  managersMayUrge: Type.Boolean(),
});
export type WorkingTime = Static<typeof WorkingTime>;

export const UpdateWorkingTimeBody = Type.Object(
  {
    workingDays: Type.Optional(WorkingDays),
    workStarts: Type.Optional(Time),
    workEnds: Type.Optional(Time),
    managersMayUrge: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateWorkingTimeBody = Static<typeof UpdateWorkingTimeBody>;
