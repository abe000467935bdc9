import path from "node:path";

export type Role = "all" | "web" | "worker";

/** Every setting Ruche reads from its environment, parsed and checked once. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** Absent: Ruche runs its embedded PostgreSQL in `dataDir/pg`. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of Ruche's Redis channels, so that several Ruche installations may share one Redis. */
  redisPrefix: string;
  /** Absent: mail is written as .eml files under `dataDir/mail`. */
  smtpUrl: string | undefined;
  mailFrom: string;
  role: Role;
  logLevel: string;
  trustProxy: boolean;
  admin: { email: string; password: string; name: string } | undefined;
  /** Upper bound of a JSON request body, in bytes. */
  bodyLimit: number;
  /** Upper bound of an uploaded avatar, in bytes. */
  avatarMaxBytes: number;
  /** Upper bound of one file attached to a post or comment, in bytes. */
  attachmentMaxBytes: number;
}

export class ConfigError extends Error {}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
  return parsed;
}

function url(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  return value;
}

/** Reads the configuration from `env` (defaults to `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = integer("PORT", env.PORT, 3000);
  const publicUrl = url("PUBLIC_URL", env.PUBLIC_URL) ?? `http://localhost:${port}`;
  const adminEmail = env.RUCHE_ADMIN_EMAIL;
  const adminPassword = env.RUCHE_ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError("RUCHE_ADMIN_EMAIL and RUCHE_ADMIN_PASSWORD go together");
  }
  const role = (env.RUCHE_ROLE ?? "all") as Role;
  if (!["all", "web", "worker"].includes(role)) throw new ConfigError("RUCHE_ROLE must be all, web or worker");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    publicUrl: publicUrl.replace(/\/$/, ""),
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: url("DATABASE_URL", env.DATABASE_URL),
    redisUrl: url("REDIS_URL", env.REDIS_URL),
    redisPrefix: env.REDIS_PREFIX ?? "ruche:",
    smtpUrl: url("SMTP_URL", env.SMTP_URL),
    mailFrom: env.MAIL_FROM ?? "Ruche <no-reply@localhost>",
    role,
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: env.TRUST_PROXY === "true",
    admin:
      adminEmail && adminPassword
        ? { email: adminEmail, password: adminPassword, name: env.RUCHE_ADMIN_NAME ?? "Administrator" }
        : undefined,
    bodyLimit: integer("BODY_LIMIT_BYTES", env.BODY_LIMIT_BYTES, 1024 * 1024),
    avatarMaxBytes: integer("AVATAR_MAX_BYTES", env.AVATAR_MAX_BYTES, 5 * 1024 * 1024),
    attachmentMaxBytes: integer("ATTACHMENT_MAX_BYTES", env.ATTACHMENT_MAX_BYTES, 25 * 1024 * 1024),
    ...overrides,
  };
}
