import { StreamSubscribe, StreamUnsubscribe, type StreamClientMessage, type StreamServerMessage } from "@ruche/contracts";
import { FormatRegistry } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { RawData, WebSocket } from "ws";
import type { Delivery } from "./deliveries.ts";
import { RecentIds } from "./recent-ids.ts";

// TypeBox checks no string format unless told how; HTTP requests are checked by Ajv instead.
if (!FormatRegistry.Has("uuid")) FormatRegistry.Set("uuid", (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value));
const checks = { subscribe: TypeCompiler.Compile(StreamSubscribe), unsubscribe: TypeCompiler.Compile(StreamUnsubscribe) };

/** The largest client message the stream reads: a subscription to 50 topics takes about 3 KiB. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/**
 * The largest frame the WebSocket server accepts (its `maxPayload`). Messages between
 * `MAX_MESSAGE_BYTES` and this get a clear error on an open socket; beyond it, `ws` closes the
 * socket with 1009 before any of it reaches Ruche, so that no client makes a process buffer much.
 */
export const MAX_FRAME_BYTES = 64 * 1024;

/** Close code for a socket whose person may no longer be signed in (deactivated, signed out, token revoked). */
export const CLOSE_SIGNED_OUT = 4401;

/** How the socket's person proved who they are. */
export interface StreamAuth {
  userId: string;
  via: "session" | "token";
  sessionHash?: string | undefined;
  tokenId?: string | undefined;
}

type EventMessage = Extract<StreamServerMessage, { type: "event" }>;

/**
 * An event as it goes out: the message, and its JSON encoded once. A post in a large community
 * goes to a thousand sockets; encoding it a thousand times cost more than writing it.
 */
export interface EventFrame {
  message: EventMessage;
  bytes: Buffer;
}

/** The frame of one delivery: the event message its topic's sockets receive. */
export function eventFrame(delivery: Pick<Delivery, "id" | "topic" | "name" | "data">): EventFrame {
  const message: EventMessage = { type: "event", id: delivery.id, topic: delivery.topic, name: delivery.name, data: delivery.data };
  return { message, bytes: Buffer.from(JSON.stringify(message)) };
}

/**
 * One client's socket: its topics, and the ordering rules of a resume. While missed events are
 * replayed, live ones are held back, then sent after the replay; each (event, topic) goes out once.
 */
export class StreamConnection {
  readonly topics = new Set<string>();
  /** Whether the client answered the last ping. */
  alive = true;
  private replaying = 0;
  private held: EventFrame[] = [];
  private readonly sent = new RecentIds(5000);
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    readonly auth: StreamAuth,
  ) {}

  send(message: StreamServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** What this socket sent, oldest first, as `<event id> <topic>`. */
  sentKeys(): readonly string[] {
    return this.sent.entries();
  }

  /** Counts these `<event id> <topic>` as sent: the client saw them on an earlier socket. */
  rememberSent(keys: Iterable<string>): void {
    for (const key of keys) this.sent.add(key);
  }

  /** Sends an event unless it was sent on this topic already; holds it while a replay runs. */
  deliver(frame: EventFrame, options: { replay?: boolean } = {}): void {
    if (this.replaying > 0 && !options.replay) {
      this.held.push(frame);
      return;
    }
    // Only what went out counts as sent: a resume skips what this socket sent (see SentLog).
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.sent.add(`${frame.message.id} ${frame.message.topic}`)) this.socket.send(frame.bytes, { binary: false });
  }

  /** Holds live events back until `endReplay`. */
  startReplay(): void {
    this.replaying += 1;
  }

  endReplay(): void {
    this.replaying -= 1;
    if (this.replaying > 0) return;
    const held = this.held;
    this.held = [];
    for (const frame of held) this.deliver(frame);
  }

  /** Runs the client's messages one after another, so a subscribe completes before the next. */
  enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(() => this.send({ type: "error", code: "internal_error", message: "The message could not be handled" }));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

type Parsed = { message: StreamClientMessage } | { error: { code: string; message: string } };

/** Parses a client message as `ws` hands it over, or answers why it is not one. */
export function parseClientFrame(data: RawData, isBinary: boolean): Parsed {
  if (isBinary) return { error: { code: "validation_failed", message: "message: must be text" } };
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  if (bytes.length > MAX_MESSAGE_BYTES) return { error: { code: "body_too_large", message: `message: must be at most ${MAX_MESSAGE_BYTES} bytes` } };
  return parseClientMessage(bytes.toString());
}

/** Parses a client message, or answers why it is not one. */
export function parseClientMessage(raw: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: { code: "invalid_json", message: "The message is not valid JSON" } };
  }
  const type = typeof value === "object" && value !== null && "type" in value ? value.type : undefined;
  if (type !== "subscribe" && type !== "unsubscribe") return { error: { code: "validation_failed", message: "type: must be subscribe or unsubscribe" } };
  const check = checks[type];
  if (check.Check(value)) return { message: value };
  const first = check.Errors(value).First();
  const field = first?.path.replace(/^\//, "").replaceAll("/", ".") || "message";
  return { error: { code: "validation_failed", message: `${field}: ${first?.message ?? "is not valid"}` } };
}
