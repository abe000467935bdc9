import type { StreamClientMessage, StreamEvent, StreamServerMessage } from "@ruche/contracts";
import { reconnectDelay } from "./backoff.ts";
import { SeenEvents } from "./seen-events.ts";
import { chunks, TopicRegistry, topicChanges } from "./topic-registry.ts";

/** Close codes of a socket refused or ended for want of a session (policy violation, signed out). */
const AUTH_CLOSE_CODES = new Set([1008, 4401]);
/** An attempt number past which the backoff is at its cap. */
const MAX_ATTEMPT = 20;

/** What a topic's listener hears: an event, or "you missed too much: refetch" (`reset`). */
export type StreamSignal = { type: "event"; event: StreamEvent } | { type: "reset"; topic: string };
export type StreamListener = (signal: StreamSignal) => void;

/** What the client tells a socket it opened: the connection's life, as calls. */
export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  /** `code` is the WebSocket close code, when known. */
  close(code?: number): void;
}
/** The part of a WebSocket the client uses. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
}

export interface StreamClientOptions {
  /** Opens a socket that reports to `handlers` (a WebSocket in the app, a fake in tests). */
  connect: (handlers: SocketHandlers) => SocketLike;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Runs `run` soon, once the current burst of (un)subscriptions is over: `queueMicrotask` in the app. */
  schedule: (run: () => void) => void;
  random?: () => number;
}

/**
 * One WebSocket for the whole tab. Components subscribe to topics through it; it opens the socket
 * while anyone listens, reconnects with capped backoff when it drops, subscribes again `after` the
 * last event it saw (the server replays what was missed), delivers each event once, and passes on
 * the server's `reset` so listeners refetch. Failures stay quiet: the app works without it.
 */
export class StreamClient {
  private readonly registry = new TopicRegistry<StreamListener>();
  private readonly seen = new SeenEvents();
  /** Topics the server was asked for on the current socket. */
  private sent = new Set<string>();
  private socket: SocketLike | null = null;
  private open = false;
  private generation = 0;
  private attempt = 0;
  private timer: unknown = null;
  private syncScheduled = false;
  private connectedBefore = false;
  private lastEventId: string | undefined;

  constructor(private readonly options: StreamClientOptions) {}

  /** Listens to `topic` until the returned function is called. */
  subscribe(topic: string, listener: StreamListener): () => void {
    this.registry.add(topic, listener);
    this.scheduleSync();
    return () => {
      this.registry.remove(topic, listener);
      this.scheduleSync();
    };
  }

  // A component that remounts unsubscribes and subscribes again at once: sync once it has settled.
  private scheduleSync(): void {
    if (this.syncScheduled) return;
    this.syncScheduled = true;
    this.options.schedule(() => {
      this.syncScheduled = false;
      this.sync();
    });
  }

  private sync(): void {
    const wanted = this.registry.topics();
    if (wanted.length === 0) return this.shutDown();
    if (!this.socket) {
      if (this.timer === null) this.connect();
      return;
    }
    if (!this.open) return;
    const { add, drop } = topicChanges(wanted, this.sent);
    for (const topics of chunks(drop)) this.send({ type: "unsubscribe", topics });
    // New topics start live: `after` would replay the other topics' events too.
    for (const topics of chunks(add)) this.send({ type: "subscribe", topics });
    this.sent = new Set(wanted);
  }

  private connect(): void {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    try {
      this.socket = this.options.connect({
        open: () => current() && this.opened(),
        message: (data) => current() && this.received(data),
        close: (code) => current() && this.closed(code),
      });
    } catch {
      this.socket = null;
      this.scheduleReconnect();
    }
  }

  private opened(): void {
    this.open = true;
    const topics = this.registry.topics();
    this.sent = new Set(topics);
    for (const chunk of chunks(topics)) this.send({ type: "subscribe", topics: chunk, ...(this.lastEventId ? { after: this.lastEventId } : {}) });
    // Back after a drop with no event id to resume from: what happened meanwhile is unknown.
    if (this.connectedBefore && !this.lastEventId) this.resetAll(topics);
    this.connectedBefore = true;
  }

  private received(data: string): void {
    let message: StreamServerMessage;
    try {
      message = JSON.parse(data) as StreamServerMessage;
    } catch {
      return;
    }
    if (message.type === "subscribed") this.attempt = 0;
    else if (message.type === "reset") this.resetAll(message.topics);
    else if (message.type === "event") this.deliver(message);
  }

  private deliver(event: StreamEvent): void {
    // One event may come on several topics (home, the community, the post): once on each.
    if (!this.seen.remember(`${event.id} ${event.topic}`)) return;
    // UUIDv7 ids sort by time as text: keep the latest to resume from.
    if (!this.lastEventId || event.id > this.lastEventId) this.lastEventId = event.id;
    for (const listener of this.registry.listeners(event.topic)) listener({ type: "event", event });
  }

  private resetAll(topics: readonly string[]): void {
    for (const topic of topics) for (const listener of this.registry.listeners(topic)) listener({ type: "reset", topic });
  }

  private closed(code?: number): void {
    // Refused for want of a session: retrying soon cannot help, so wait the longest.
    if (code !== undefined && AUTH_CLOSE_CODES.has(code)) this.attempt = Math.max(this.attempt, MAX_ATTEMPT);
    this.socket = null;
    this.open = false;
    this.sent = new Set();
    if (this.registry.topics().length > 0) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = reconnectDelay(this.attempt, { random: this.options.random });
    this.attempt += 1;
    this.timer = this.options.setTimer(() => {
      this.timer = null;
      if (this.registry.topics().length > 0) this.connect();
    }, delay);
  }

  // Nobody listens (signed out, or left every live screen): close, and forget the pending retry.
  private shutDown(): void {
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
    this.generation += 1;
    this.socket?.close();
    this.socket = null;
    this.open = false;
    this.sent = new Set();
    this.attempt = 0;
  }

  private send(message: StreamClientMessage): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // A socket closing under us: its close handler reconnects.
    }
  }
}
