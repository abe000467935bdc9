/**
 * Who listens to which topic, counted: the first listener of a topic makes the client subscribe,
 * the last one leaving makes it unsubscribe. Components come and go (and React mounts them twice
 * in development), so the bookkeeping lives here rather than in each component.
 */
export class TopicRegistry<Listener> {
  private readonly byTopic = new Map<string, Set<Listener>>();

  /** Adds a listener; true when the topic had none. */
  add(topic: string, listener: Listener): boolean {
    const listeners = this.byTopic.get(topic);
    if (listeners) {
      listeners.add(listener);
      return false;
    }
    this.byTopic.set(topic, new Set([listener]));
    return true;
  }

  /** Removes a listener; true when the topic has none left. */
  remove(topic: string, listener: Listener): boolean {
    const listeners = this.byTopic.get(topic);
    if (!listeners) return false;
    listeners.delete(listener);
    if (listeners.size > 0) return false;
    this.byTopic.delete(topic);
    return true;
  }

  /** The topics that have at least one listener. */
  topics(): string[] {
    return [...this.byTopic.keys()];
  }

  /** A topic's listeners, copied: a listener may unsubscribe while they are being called. */
  listeners(topic: string): Listener[] {
    return [...(this.byTopic.get(topic) ?? [])];
  }
}

/** What to send so the server's topics become `wanted`: those to add and those to drop. */
export function topicChanges(wanted: readonly string[], sent: ReadonlySet<string>): { add: string[]; drop: string[] } {
  const wantedSet = new Set(wanted);
  return { add: wanted.filter((topic) => !sent.has(topic)), drop: [...sent].filter((topic) => !wantedSet.has(topic)) };
}

/** Splits topics into messages of at most `size` (the protocol takes 50 a message). */
export function chunks<T>(items: readonly T[], size = 50): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
