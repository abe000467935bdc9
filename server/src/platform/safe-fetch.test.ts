import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isForbiddenAddress, safeFetch, SafeFetchError, type SafeFetchOptions } from "./safe-fetch.ts";

/** A local HTTP server that counts the connections it receives, listening on every loopback address. */
interface LocalServer {
  port: number;
  connections: number;
  close(): Promise<void>;
}

async function startServer(handler: http.RequestListener): Promise<LocalServer> {
  const server = http.createServer(handler);
  const state = { connections: 0 };
  server.on("connection", () => {
    state.connections += 1;
  });
  // "::" without ipv6Only also accepts IPv4, so 127.0.0.1, ::1 and 0.0.0.0 would all reach it.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "::" }, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return state.connections;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let target: LocalServer;
let site: LocalServer;
let allow: string[];

function options(overrides: Partial<SafeFetchOptions> = {}): SafeFetchOptions {
  return { maxBytes: 5_000_000, timeoutMs: 5000, maxRedirects: 3, accept: ["text/html"], allowHosts: allow, ...overrides };
}

async function failureOf(url: string, overrides: Partial<SafeFetchOptions> = {}): Promise<string> {
  const error = await safeFetch(url, options(overrides)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return (error as SafeFetchError).reason;
}

/** Routes of the allowed test site: pages, redirects, a large and a slow body. */
function siteHandler(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://site");
  const redirect = (location: string): void => {
    response.writeHead(302, { location }).end();
  };
  switch (url.pathname) {
    case "/page":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<title>Bonjour</title>");
      return;
    case "/to":
      return redirect(url.searchParams.get("location") ?? "/page");
    case "/chain": {
      const left = Number(url.searchParams.get("left"));
      return redirect(left > 0 ? `/chain?left=${left - 1}` : "/page");
    }
    case "/large":
      response.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 7; i += 1) response.write(Buffer.alloc(1_000_000, 0x61));
      response.end();
      return;
    case "/declared-large":
      response.writeHead(200, { "content-type": "text/html", "content-length": String(6_000_000) }).end();
      return;
    case "/slow":
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<title>");
      return;
    case "/json":
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
      return;
    default:
      response.writeHead(404).end();
  }
}

beforeAll(async () => {
  target = await startServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("secret"));
  site = await startServer(siteHandler);
  allow = [`127.0.0.1:${site.port}`];
});
afterAll(async () => {
  await target.close();
  await site.close();
});

describe("safeFetch refuses non-public addresses in every written form, without connecting", () => {
  const forms = [
    ["loopback", "127.0.0.1"],
    ["decimal", "2130706433"],
    ["hexadecimal", "0x7f000001"],
    ["octal", "0177.0.0.1"],
    ["short", "127.1"],
    ["mixed short hex", "0x7f.1"],
    ["trailing dot", "127.0.0.1."],
    ["percent-encoded", "%31%32%37.0.0.1"],
    ["IPv6 loopback", "[::1]"],
    ["IPv4-mapped IPv6, dotted", "[::ffff:127.0.0.1]"],
    ["IPv4-mapped IPv6, hex", "[::ffff:7f00:1]"],
    ["IPv4-mapped IPv6, long", "[0:0:0:0:0:ffff:127.0.0.1]"],
    ["IPv4-compatible IPv6", "[::127.0.0.1]"],
    ["unspecified", "0.0.0.0"],
    ["unspecified IPv6", "[::]"],
    ["a name that resolves to loopback", "localhost"],
  ];
  for (const [form, host] of forms) {
    it(`refuses ${form} (${host})`, async () => {
      const before = target.connections;
      expect(await failureOf(`http://${host}:${target.port}/`)).toBe("forbidden_address");
      expect(target.connections).toBe(before);
    });
  }

  const elsewhere = [
    "169.254.169.254",
    "[fd00:ec2::254]",
    "[fd00::2]",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "100.100.100.200",
    "[fe80::1]",
    "224.0.0.1",
    "[ff02::1]",
    "[64:ff9b::7f00:1]",
    "255.255.255.255",
  ];
  for (const host of elsewhere) {
    it(`refuses ${host} before connecting`, async () => {
      const started = Date.now();
      expect(await failureOf(`http://${host}/latest/meta-data/`)).toBe("forbidden_address");
      expect(Date.now() - started).toBeLessThan(1000);
    });
  }

  it("classifies literals, and leaves names to the resolver", () => {
    expect(isForbiddenAddress("93.184.215.14")).toBe(false);
    expect(isForbiddenAddress("[2606:4700::6810:84e5]")).toBe(false);
    expect(isForbiddenAddress("example.org")).toBe(false);
    expect(isForbiddenAddress("[::ffff:a9fe:a9fe]")).toBe(true);
  });

  it("fetches only http and https, without credentials", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)", "gopher://127.0.0.1:70/", "not a url"]) {
      expect(await failureOf(url)).toBe("invalid_url");
    }
    expect(await failureOf(`http://user:secret@127.0.0.1:${site.port}/page`)).toBe("invalid_url");
  });
});

describe("safeFetch against an allowed local site (the tests' escape hatch)", () => {
  it("fetches a page and names its final URL", async () => {
    const response = await safeFetch(`http://127.0.0.1:${site.port}/to?location=/page`, options());
    expect(response.body.toString()).toBe("<title>Bonjour</title>");
    expect(response.url).toBe(`http://127.0.0.1:${site.port}/page`);
    expect(response.contentType).toBe("text/html; charset=utf-8");
  });

  it("opens only the exact host and port allowed", async () => {
    expect(await failureOf(`http://127.0.0.1:${target.port}/`)).toBe("forbidden_address");
    expect(await failureOf(`http://localhost:${site.port}/page`)).toBe("forbidden_address");
  });

  it("refuses a redirect to loopback, another port or the metadata address", async () => {
    const before = target.connections;
    for (const location of [`http://127.0.0.1:${target.port}/`, `http://[::ffff:127.0.0.1]:${target.port}/`, `http://2130706433:${target.port}/`, "http://169.254.169.254/latest/meta-data/"]) {
      expect(await failureOf(`http://127.0.0.1:${site.port}/to?location=${encodeURIComponent(location)}`)).toBe("forbidden_address");
    }
    expect(target.connections).toBe(before);
  });

  it("refuses a redirect to another scheme", async () => {
    expect(await failureOf(`http://127.0.0.1:${site.port}/to?location=${encodeURIComponent("file:///etc/passwd")}`)).toBe("invalid_url");
  });

  it("follows three redirects and refuses a fourth", async () => {
    const three = await safeFetch(`http://127.0.0.1:${site.port}/chain?left=2`, options());
    expect(three.body.toString()).toContain("Bonjour");
    expect(await failureOf(`http://127.0.0.1:${site.port}/chain?left=3`)).toBe("too_many_redirects");
  });

  it("abandons a body past the size limit, declared or not", async () => {
    expect(await failureOf(`http://127.0.0.1:${site.port}/large`)).toBe("too_large");
    expect(await failureOf(`http://127.0.0.1:${site.port}/declared-large`)).toBe("too_large");
  });

  it("abandons a server that is too slow", async () => {
    const started = Date.now();
    expect(await failureOf(`http://127.0.0.1:${site.port}/slow`, { timeoutMs: 300 })).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses an unexpected content type and an error status", async () => {
    expect(await failureOf(`http://127.0.0.1:${site.port}/json`)).toBe("unexpected_type");
    expect(await failureOf(`http://127.0.0.1:${site.port}/missing`)).toBe("http_status");
  });
});
