export * from "./errors.ts";
export * from "./common.ts";
export * from "./people.ts";
export * from "./auth.ts";
export * from "./organisation.ts";
export * from "./invitations.ts";
export * from "./communities.ts";
export * from "./stream.ts";
