import type { StreamEvent } from "@ruche/contracts";
import { describe, expect, it } from "vitest";
import { StreamClient, type SocketHandlers, type StreamSignal } from "./stream-client.ts";

const POST = "0190b000-0000-7000-8000-000000000001";

/** A client over fake sockets and a hand-driven clock and scheduler. */
function harness() {
  const sockets: { handlers: SocketHandlers; sent: unknown[]; closed: boolean }[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const queued: (() => void)[] = [];
  const client = new StreamClient({
    connect(handlers) {
      const socket = { handlers, sent: [] as unknown[], closed: false };
      sockets.push(socket);
      return { send: (data) => socket.sent.push(JSON.parse(data)), close: () => (socket.closed = true) };
    },
    setTimer: (run, ms) => timers.push({ run, ms, cleared: false }) - 1,
    clearTimer: (handle) => {
      const timer = timers[handle as number];
      if (timer) timer.cleared = true;
    },
    schedule: (run) => queued.push(run),
    random: () => 0.999999,
  });
  const settle = () => queued.splice(0).forEach((run) => run());
  const last = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  };
  const receive = (message: object) => last().handlers.message(JSON.stringify(message));
  const fireTimer = () => timers.filter((timer) => !timer.cleared).pop()?.run();
  return { client, sockets, timers, settle, last, receive, fireTimer };
}

const event = (id: string, topic = "home"): StreamEvent => ({ type: "event", id, topic, name: "post.created", data: { postId: POST } });
const eventIds = (signals: StreamSignal[]) => signals.map((signal) => (signal.type === "event" ? signal.event.id : signal.type));

describe("StreamClient", () => {
  it("opens one socket for every topic subscribed in the same moment, and subscribes them together", () => {
    const stream = harness();
    stream.client.subscribe("home", () => undefined);
    stream.client.subscribe("notifications", () => undefined);
    stream.settle();
    stream.last().handlers.open();
    expect(stream.sockets).toHaveLength(1);
    expect(stream.last().sent).toEqual([{ type: "subscribe", topics: ["home", "notifications"] }]);
  });

  it("sends nothing for a component that unsubscribes and subscribes again at once (a remount)", () => {
    const stream = harness();
    stream.client.subscribe("home", () => undefined);
    stream.settle();
    stream.last().handlers.open();
    const listener = () => undefined;
    const stop = stream.client.subscribe("post:x", listener);
    stop();
    stream.client.subscribe("post:x", listener);
    stream.settle();
    expect(stream.last().sent).toEqual([
      { type: "subscribe", topics: ["home"] },
      { type: "subscribe", topics: ["post:x"] },
    ]);
  });

  it("unsubscribes a topic when its last listener leaves", () => {
    const stream = harness();
    stream.client.subscribe("home", () => undefined);
    const stop = stream.client.subscribe("post:x", () => undefined);
    stream.settle();
    stream.last().handlers.open();
    stop();
    stream.settle();
    expect(stream.last().sent.at(-1)).toEqual({ type: "unsubscribe", topics: ["post:x"] });
  });

  it("delivers an event replayed twice only once", () => {
    const stream = harness();
    const heard: StreamSignal[] = [];
    stream.client.subscribe("home", (signal) => heard.push(signal));
    stream.settle();
    stream.last().handlers.open();
    stream.receive(event("0190c000-0000-7000-8000-000000000001"));
    stream.receive(event("0190c000-0000-7000-8000-000000000001"));
    expect(eventIds(heard)).toEqual(["0190c000-0000-7000-8000-000000000001"]);
  });

  it("delivers one event to the listeners of each topic it comes on", () => {
    const stream = harness();
    const heard: string[] = [];
    stream.client.subscribe("home", () => heard.push("home"));
    stream.client.subscribe(`post:${POST}`, () => heard.push("post"));
    stream.settle();
    stream.last().handlers.open();
    stream.receive(event("0190c000-0000-7000-8000-000000000004", "home"));
    stream.receive(event("0190c000-0000-7000-8000-000000000004", `post:${POST}`));
    expect(heard).toEqual(["home", "post"]);
  });

  it("reconnects after a drop with growing delays and resumes after the last event it saw", () => {
    const stream = harness();
    stream.client.subscribe("home", () => undefined);
    stream.settle();
    stream.last().handlers.open();
    stream.receive(event("0190c000-0000-7000-8000-000000000002"));
    stream.last().handlers.close();
    stream.fireTimer();
    stream.last().handlers.close();
    stream.fireTimer();
    stream.last().handlers.open();
    expect(stream.timers.map((timer) => timer.ms)).toEqual([1_000, 2_000]);
    expect(stream.last().sent).toEqual([{ type: "subscribe", topics: ["home"], after: "0190c000-0000-7000-8000-000000000002" }]);
  });

  it("tells listeners to refetch when the server says too much was missed", () => {
    const stream = harness();
    const heard: StreamSignal[] = [];
    stream.client.subscribe("home", (signal) => heard.push(signal));
    stream.settle();
    stream.last().handlers.open();
    stream.receive({ type: "reset", topics: ["home"] });
    expect(eventIds(heard)).toEqual(["reset"]);
  });

  it("tells listeners to refetch after a reconnect when it has no event to resume from", () => {
    const stream = harness();
    const heard: StreamSignal[] = [];
    stream.client.subscribe("home", (signal) => heard.push(signal));
    stream.settle();
    stream.last().handlers.open();
    stream.last().handlers.close();
    stream.fireTimer();
    stream.last().handlers.open();
    expect(eventIds(heard)).toEqual(["reset"]);
  });

  it("starts the delays over once a connection is accepted again", () => {
    const stream = harness();
    stream.client.subscribe("home", () => undefined);
    stream.settle();
    stream.last().handlers.close();
    stream.fireTimer();
    stream.last().handlers.open();
    stream.receive({ type: "subscribed", topics: ["home"] });
    stream.last().handlers.close();
    expect(stream.timers.map((timer) => timer.ms)).toEqual([1_000, 1_000]);
  });

  it("closes the socket and stops retrying once nobody listens", () => {
    const stream = harness();
    const stop = stream.client.subscribe("home", () => undefined);
    stream.settle();
    stream.last().handlers.close();
    stop();
    stream.settle();
    expect(stream.timers.every((timer) => timer.cleared)).toBe(true);
    expect(stream.sockets).toHaveLength(1);
  });

  it("ignores what a socket it already gave up on still reports", () => {
    const stream = harness();
    const heard: StreamSignal[] = [];
    const stop = stream.client.subscribe("home", (signal) => heard.push(signal));
    stream.settle();
    const old = stream.last();
    old.handlers.open();
    stop();
    stream.settle();
    stream.client.subscribe("home", (signal) => heard.push(signal));
    stream.settle();
    old.handlers.message(JSON.stringify(event("0190c000-0000-7000-8000-000000000003")));
    expect(old.closed).toBe(true);
    expect(heard).toEqual([]);
  });
});

describe("StreamClient when the session is gone", () => {
  it("waits the longest delay before retrying a socket closed for want of a session", () => {
    const stream = harness();
    stream.client.subscribe("home", () => undefined);
    stream.settle();
    stream.last().handlers.close(4401);
    expect(stream.timers.map((timer) => timer.ms)).toEqual([30_000]);
  });
});
