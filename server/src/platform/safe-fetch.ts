import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

/** Limits of one fetch of a user-supplied URL. */
export interface SafeFetchOptions {
  /** The body is abandoned once it grows past this many bytes. */
  maxBytes: number;
  /** For the whole exchange: every redirect and the body included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Accepted media types of the final response; an entry ending in "/" accepts a family ("image/"). */
  accept: string[];
  /**
   * Tests only: `host:port` pairs (IP literals) of local servers that may be fetched although
   * they are loopback. Never filled from user input or configuration.
   */
  allowHosts?: string[];
}

export interface SafeFetchResponse {
  /** The URL finally fetched, after redirects: relative links in the body resolve against it. */
  url: string;
  contentType: string;
  body: Buffer;
}

export type SafeFetchFailure =
  | "invalid_url"
  | "forbidden_address"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "http_status"
  | "unexpected_type"
  | "network";

/** Why a fetch was refused or abandoned; `reason` is stable, the message is for logs. */
export class SafeFetchError extends Error {
  constructor(
    readonly reason: SafeFetchFailure,
    message: string,
  ) {
    super(message);
  }
}

const USER_AGENT = "Ruche link preview";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Addresses no user-supplied URL may name: everything that is not a globally routed unicast
 * address. The URL parser has already turned decimal, hex, octal and short IPv4 forms into
 * dotted quads; IPv4-mapped, -compatible and NAT64 IPv6 forms embed an IPv4 address, so they
 * are refused as a whole. The agent applies the same rule again to every resolved address.
 */
const forbiddenAddresses = {
  // One list a family: Node matches an IPv4 address against IPv6 rules through its mapped form,
  // so ::ffff:0:0/96 in a shared list would refuse every IPv4 address.
  ipv4: blockList("ipv4", [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
    ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
    ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
  ]),
  ipv6: blockList("ipv6", [
    ["::", 96], ["::ffff:0:0", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23],
    ["2001:db8::", 32], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
  ]),
};

function blockList(family: "ipv4" | "ipv6", subnets: [string, number][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

/** Whether a URL's hostname is an IP literal no fetch may reach (a name is checked once resolved). */
export function isForbiddenAddress(hostname: string): boolean {
  const address = hostname.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? forbiddenAddresses.ipv4.check(address, "ipv4") : forbiddenAddresses.ipv6.check(address, "ipv6");
}

const filteringAgents = { "http:": new RequestFilteringHttpAgent(), "https:": new RequestFilteringHttpsAgent() };

/** The agent for one hop: the filtering one, or for a test's allowed host one that admits only that address. */
function agentFor(url: URL, allowHosts: string[]): http.Agent {
  const protocol = url.protocol as "http:" | "https:";
  if (!allowHosts.includes(url.host)) return filteringAgents[protocol];
  const allowIPAddressList = [url.hostname.replace(/^\[(.*)\]$/, "$1")];
  return protocol === "https:" ? new RequestFilteringHttpsAgent({ allowIPAddressList }) : new RequestFilteringHttpAgent({ allowIPAddressList });
}

/** Parses and vets one hop's URL before anything is sent. */
function checkedUrl(raw: string, base: URL | undefined, allowHosts: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SafeFetchError("invalid_url", `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SafeFetchError("invalid_url", `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new SafeFetchError("invalid_url", "URLs with credentials are not fetched");
  if (!allowHosts.includes(url.host) && isForbiddenAddress(url.hostname)) {
    throw new SafeFetchError("forbidden_address", `${url.hostname} is not a public address`);
  }
  return url;
}

function accepted(contentType: string, accept: string[]): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return accept.some((entry) => (entry.endsWith("/") ? type.startsWith(entry) : type === entry));
}

type Hop = { redirect: URL } | { response: SafeFetchResponse };

/** Sends one GET and settles with its redirect target or its whole, bounded body. */
function fetchOnce(url: URL, options: SafeFetchOptions & { signal: AbortSignal }): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "GET",
      agent: agentFor(url, options.allowHosts ?? []),
      signal: options.signal,
      // No cookies, no compression (a small compressed body could inflate past every limit).
      headers: { "user-agent": USER_AGENT, accept: options.accept.map((type) => (type.endsWith("/") ? `${type}*` : type)).join(", "), "accept-encoding": "identity" },
    });
    const fail = (error: SafeFetchError) => {
      request.destroy();
      reject(error);
    };
    request.on("error", (error) => reject(networkFailure(error, options.signal)));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.resume();
        try {
          return resolve({ redirect: checkedUrl(location, url, options.allowHosts ?? []) });
        } catch (error) {
          return fail(error as SafeFetchError);
        }
      }
      if (status < 200 || status > 299) return fail(new SafeFetchError("http_status", `the server answered ${status}`));
      const contentType = response.headers["content-type"] ?? "";
      if (!accepted(contentType, options.accept)) return fail(new SafeFetchError("unexpected_type", `unexpected content type "${contentType.slice(0, 100)}"`));
      if (Number(response.headers["content-length"] ?? 0) > options.maxBytes) return fail(tooLarge(options.maxBytes));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return fail(tooLarge(options.maxBytes));
        chunks.push(chunk);
      });
      response.on("error", (error) => reject(networkFailure(error, options.signal)));
      response.on("end", () => resolve({ response: { url: url.toString(), contentType, body: Buffer.concat(chunks) } }));
    });
    request.end();
  });
}

function tooLarge(maxBytes: number): SafeFetchError {
  return new SafeFetchError("too_large", `the body is larger than ${maxBytes} bytes`);
}

/** Names a transport failure: the deadline, the address filter (request-filtering-agent 3.x words it "is not allowed"), or the network. */
function networkFailure(error: Error, signal: AbortSignal): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  if (signal.aborted) return new SafeFetchError("timeout", "the fetch took too long");
  if (/is not allowed/.test(error.message)) return new SafeFetchError("forbidden_address", error.message);
  return new SafeFetchError("network", error.message);
}

/**
 * Fetches a user-supplied URL without letting it reach inside the network: only http(s), never
 * a private, loopback, link-local or otherwise non-public address (checked on the literal before
 * connecting and on every resolved address at connect time, so DNS rebinding finds no gap), each
 * redirect checked again, and bounded in redirects, bytes and time. Throws `SafeFetchError`.
 * @example await safeFetch("https://example.org/", { maxBytes: 5_000_000, timeoutMs: 5000, maxRedirects: 3, accept: ["text/html"] })
 */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let url = checkedUrl(raw, undefined, options.allowHosts ?? []);
    for (let redirects = 0; ; redirects += 1) {
      const hop = await fetchOnce(url, { ...options, signal: controller.signal });
      if ("response" in hop) return hop.response;
      if (redirects >= options.maxRedirects) throw new SafeFetchError("too_many_redirects", `more than ${options.maxRedirects} redirects`);
      url = hop.redirect;
    }
  } finally {
    clearTimeout(timer);
  }
}
