import type { ErrorResponse } from "@ruche/contracts";
import { Type } from "@sinclair/typebox";

/** The shared error body, by reference, for the OpenAPI description of each route's failures. */
const errorBody = Type.Unsafe<ErrorResponse>({ $ref: "ErrorResponse#" });

/**
 * The error body under each failure status a route may answer, to spread into `response`.
 * @example response: { 200: SessionResponse, ...failures(400, 401) }
 */
export function failures<const Statuses extends readonly number[]>(...statuses: Statuses): { [S in Statuses[number]]: typeof errorBody } {
  return Object.fromEntries(statuses.map((status) => [status, errorBody])) as { [S in Statuses[number]]: typeof errorBody };
}

/** An empty success (204). */
export const noContent = Type.Null({ description: "No content" });
