import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("configuration", () => {
  it("defaults to port 3000, ./data and the embedded database", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve("./data"));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.role).toBe("all");
  });

  it("refuses a PORT that is not a whole number, naming it", () => {
    expect(() => loadConfig({ PORT: "3000abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "3000abc" })).toThrow('PORT must be a whole number, got "3000abc"');
    expect(() => loadConfig({ PORT: "-1" })).toThrow(/PORT/);
  });

  it("refuses a DATABASE_URL that is not a URL, naming it", () => {
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow("DATABASE_URL is not a valid URL");
  });

  it("refuses RUCHE_ADMIN_EMAIL without RUCHE_ADMIN_PASSWORD, and the reverse", () => {
    expect(() => loadConfig({ RUCHE_ADMIN_EMAIL: "admin@abeille.example" })).toThrow(
      new ConfigError("RUCHE_ADMIN_EMAIL and RUCHE_ADMIN_PASSWORD go together"),
    );
    expect(() => loadConfig({ RUCHE_ADMIN_PASSWORD: "a long enough passphrase" })).toThrow(ConfigError);
  });

  it("refuses an unknown role", () => {
    expect(() => loadConfig({ RUCHE_ROLE: "janitor" })).toThrow("RUCHE_ROLE must be all, web or worker");
  });

  it("reads every variable it documents", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      PUBLIC_URL: "https://ruche.abeille.example/",
      DATA_DIR: "/srv/ruche",
      DATABASE_URL: "postgres://ruche@db.internal:5432/ruche",
      REDIS_URL: "redis://cache.internal:6379",
      REDIS_PREFIX: "ruche-eu:",
      SMTP_URL: "smtp://mail.internal:25",
      MAIL_FROM: "Ruche <ruche@abeille.example>",
      RUCHE_ROLE: "worker",
      LOG_LEVEL: "debug",
      TRUST_PROXY: "true",
      RUCHE_ADMIN_EMAIL: "admin@abeille.example",
      RUCHE_ADMIN_PASSWORD: "a long enough passphrase",
      RUCHE_ADMIN_NAME: "Camille",
      BODY_LIMIT_BYTES: "2048",
      AVATAR_MAX_BYTES: "4096",
      ATTACHMENT_MAX_BYTES: "8192",
    });
    expect(config).toEqual({
      port: 8080,
      host: "127.0.0.1",
      publicUrl: "https://ruche.abeille.example",
      dataDir: "/srv/ruche",
      databaseUrl: "postgres://ruche@db.internal:5432/ruche",
      redisUrl: "redis://cache.internal:6379",
      redisPrefix: "ruche-eu:",
      smtpUrl: "smtp://mail.internal:25",
      mailFrom: "Ruche <ruche@abeille.example>",
      role: "worker",
      logLevel: "debug",
      trustProxy: true,
      admin: { email: "admin@abeille.example", password: "a long enough passphrase", name: "Camille" },
      bodyLimit: 2048,
      avatarMaxBytes: 4096,
      attachmentMaxBytes: 8192,
    });
  });
});
