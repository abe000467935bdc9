import type { StreamServerMessage } from "@ruche/contracts";
import WebSocket, { type ClientOptions } from "ws";

/** A test client of the stream: every message it received, and a way to wait for one. */
export interface StreamClient {
  socket: WebSocket;
  messages: StreamServerMessage[];
  send(message: unknown): void;
  /** The first message (from the start) matching `matches`, waiting up to `timeoutMs`. */
  next(matches: (message: StreamServerMessage) => boolean, timeoutMs?: number): Promise<StreamServerMessage>;
  closed: Promise<number>;
  close(): void;
}

/**
 * Test helper: opens the stream at `url` with these headers (and `ws` client options, e.g.
 * `autoPong: false` for a client that stops answering pings); rejects with the HTTP status if refused.
 */
export async function connectStream(url: string, headers: Record<string, string>, options: ClientOptions = {}): Promise<StreamClient> {
  const socket = new WebSocket(url, { ...options, headers });
  const messages: StreamServerMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on("message", (data) => {
    messages.push(JSON.parse(data.toString()) as StreamServerMessage);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("unexpected-response", (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once("error", reject);
  });
  const next = (matches: (message: StreamServerMessage) => boolean, timeoutMs = 1000) =>
    new Promise<StreamServerMessage>((resolve, reject) => {
      const check = () => {
        const found = messages.find(matches);
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { socket, messages, send: (message) => socket.send(JSON.stringify(message)), next, closed, close: () => socket.close() };
}

/** Events of the client's messages, as `topic name postId`, in order. */
export function eventLines(client: StreamClient): string[] {
  return client.messages.flatMap((message) => (message.type === "event" ? [`${message.topic} ${message.name} ${message.data.postId ?? ""}`] : []));
}
