import type { AccessToken } from "@ruche/contracts";
import type { AccessTokenRow } from "../../platform/schema.ts";

/** An access token as its owner sees it: never the secret nor its hash. */
export function presentAccessToken(row: AccessTokenRow): AccessToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}
