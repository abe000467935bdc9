import type { Db } from "../../platform/db.ts";
import type { StreamConnection } from "./connection.ts";
import { liveSessions, liveTokens } from "./repository.ts";

/**
 * Which of these sockets' sessions were signed out or expired, and tokens revoked or expired,
 * since they connected: expiry sends no event, and a revocation's event may be missed while
 * pub/sub reconnects. Answers for the credentials asked about only: a socket that connected while
 * the queries ran is not signed out.
 */
export async function endedCredentials(db: Db, connections: StreamConnection[]): Promise<(connection: StreamConnection) => boolean> {
  const sessions = new Set(connections.flatMap((connection) => (connection.auth.sessionHash ? [connection.auth.sessionHash] : [])));
  const tokens = new Set(connections.flatMap((connection) => (connection.auth.tokenId ? [connection.auth.tokenId] : [])));
  const [liveSessionHashes, liveTokenIds] = await Promise.all([liveSessions(db, [...sessions]), liveTokens(db, [...tokens])]);
  return (connection) => {
    const { sessionHash, tokenId } = connection.auth;
    if (sessionHash !== undefined) return sessions.has(sessionHash) && !liveSessionHashes.has(sessionHash);
    return tokenId !== undefined && tokens.has(tokenId) && !liveTokenIds.has(tokenId);
  };
}
