// Routes of the right to disconnect: everyone signed in reads the organisation's working time
// (their own schedule derives from it); only admins change it.
import { adminsOnly, signedIn, type GlobalRoute } from "./global-kit.ts";

export const disconnectGlobalRoutes: Record<string, GlobalRoute> = {
  "GET /api/v1/organisation/working-time": { request: () => ({}), expect: signedIn(200) },
  "PATCH /api/v1/organisation/working-time": { request: () => ({ json: { workStarts: "08:00", workEnds: "19:00" } }), expect: adminsOnly(200) },
};
