import http from "node:http";
import https from "node:https";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import webPush from "web-push";
import type { PushPayload } from "@ruche/contracts";
import { endpointProblem } from "./endpoint.ts";
import type { SubscriptionRow } from "./repository.ts";
import type { VapidKeys } from "./vapid.ts";

/** How long a push service keeps an undelivered push (a browser offline for the day still gets it). */
const TIME_TO_LIVE_SECONDS = 24 * 3600;
const TIMEOUT_MS = 10_000;

const filteringAgent = new RequestFilteringHttpsAgent();

/** The outcome of one push: delivered, gone for good (404, 410), or failed (to try again later). */
export type SendOutcome = "sent" | "gone" | "failed";

/** The agent for an endpoint: one that refuses non-public addresses, or for a test's loopback host one that admits it. */
function agentFor(url: URL, allowHosts: string[]): http.Agent {
  if (!allowHosts.includes(url.host)) return filteringAgent;
  const allowIPAddressList = [url.hostname.replace(/^\[(.*)\]$/, "$1")];
  return url.protocol === "https:" ? new RequestFilteringHttpsAgent({ allowIPAddressList }) : new RequestFilteringHttpAgent({ allowIPAddressList });
}

/** Encrypts the payload for one browser (RFC 8291, aes128gcm), signs with VAPID, and POSTs it. */
export function sendPush(input: {
  subscription: SubscriptionRow;
  payload: PushPayload;
  vapid: VapidKeys & { subject: string };
  urgent: boolean;
  allowHosts: string[];
}): Promise<SendOutcome> {
  const { subscription } = input;
  // Checked again here: a row may predate a tightened rule, and nothing else stands between a stored URL and the network.
  if (endpointProblem(subscription.endpoint, input.allowHosts)) return Promise.resolve("failed");
  let details: webPush.RequestDetails;
  try {
    details = webPush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(input.payload),
      { vapidDetails: input.vapid, TTL: TIME_TO_LIVE_SECONDS, urgency: input.urgent ? "high" : "normal", topic: "notifications" },
    );
  } catch {
    // Keys that cannot encrypt (a row from before validation, or damaged): this browser only fails.
    return Promise.resolve("failed");
  }
  return post(new URL(subscription.endpoint), details, input.allowHosts);
}

/** Sends one prepared push; settles with its outcome, never throws. */
function post(url: URL, details: webPush.RequestDetails, allowHosts: string[]): Promise<SendOutcome> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(url, { method: "POST", headers: details.headers as http.OutgoingHttpHeaders, agent: agentFor(url, allowHosts), timeout: TIMEOUT_MS });
    request.on("timeout", () => request.destroy(new Error("the push service took too long")));
    request.on("error", () => resolve("failed"));
    request.on("response", (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(status >= 200 && status < 300 ? "sent" : status === 404 || status === 410 ? "gone" : "failed");
    });
    request.end(details.body);
  });
}
