import { useEffect, useRef } from "react";
import { StreamClient, type StreamListener } from "./stream-client.ts";

/** The stream's address on the app's own origin (`wss://` under HTTPS). */
export function streamUrl(origin: string): string {
  return `${origin.replace(/^http/, "ws")}/api/v1/stream`;
}

let client: StreamClient | null = null;

/** The tab's one stream client, made on first use. */
export function streamClient(): StreamClient {
  client ??= new StreamClient({
    connect(handlers) {
      const socket = new WebSocket(streamUrl(window.location.origin));
      socket.onopen = () => handlers.open();
      socket.onmessage = (message) => handlers.message(String(message.data));
      socket.onclose = (event) => handlers.close(event.code);
      return socket;
    },
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    schedule: (run) => queueMicrotask(run),
  });
  return client;
}

/**
 * Listens to stream topics while the component is mounted; `onSignal` may change on every render
 * without resubscribing. Pass no topics (or null) to listen to nothing.
 */
export function useStreamTopics(topics: readonly string[], onSignal: StreamListener): void {
  const latest = useRef(onSignal);
  useEffect(() => {
    latest.current = onSignal;
  });
  // Topics as one string: a new array with the same topics is the same subscription.
  const key = topics.join(" ");
  useEffect(() => {
    if (!key) return;
    const listener: StreamListener = (signal) => latest.current(signal);
    const stops = key.split(" ").map((topic) => streamClient().subscribe(topic, listener));
    return () => stops.forEach((stop) => stop());
  }, [key]);
}

/** Listens to one stream topic (`home`, `community:<id>`, `post:<id>`, `notifications`) while mounted. */
export function useStreamTopic(topic: string | null, onSignal: StreamListener): void {
  useStreamTopics(topic ? [topic] : [], onSignal);
}
