/** What one socket received: its messages' keys, oldest first, and the hub's position when it closed. */
export interface Lineage {
  /** `<event id> <topic>` of the messages sent, up to the resume point. */
  keys: readonly string[];
  /** The hub's delivery position when the socket closed (now, for one still open). */
  closedAt: number;
}

/**
 * What recently closed sockets sent, per person, so that a client resuming on this process is
 * sent what it missed and nothing twice (see `replay` in subscriptions.ts). Bounded: the last
 * `records` closed sockets, each its last `keysPerRecord` messages.
 */
export class SentLog {
  private readonly byUser = new Map<string, Lineage[]>();
  private readonly order: { userId: string; record: Lineage }[] = [];

  constructor(private readonly limits: { records: number; keysPerRecord: number }) {}

  /** Keeps what a closed socket of `userId` sent. */
  keep(userId: string, record: Lineage): void {
    if (record.keys.length === 0) return;
    const kept = { keys: record.keys.slice(-this.limits.keysPerRecord), closedAt: record.closedAt };
    const records = this.byUser.get(userId) ?? [];
    records.push(kept);
    this.byUser.set(userId, records);
    this.order.push({ userId, record: kept });
    if (this.order.length > this.limits.records) this.forget();
  }

  /**
   * The socket (closed here, or among `open`) whose client's last seen event is `eventId`: its keys
   * up to and including its last message of that event. The most recent wins; undefined when no
   * socket of this process sent it.
   */
  lineageOf(userId: string, eventId: string, open: Lineage[] = []): Lineage | undefined {
    for (const record of [...(this.byUser.get(userId) ?? []), ...open].reverse()) {
      const last = record.keys.findLastIndex((key) => key.startsWith(`${eventId} `));
      if (last >= 0) return { keys: record.keys.slice(0, last + 1), closedAt: record.closedAt };
    }
    return undefined;
  }

  private forget(): void {
    const oldest = this.order.shift();
    if (!oldest) return;
    const records = (this.byUser.get(oldest.userId) ?? []).filter((record) => record !== oldest.record);
    if (records.length > 0) this.byUser.set(oldest.userId, records);
    else this.byUser.delete(oldest.userId);
  }
}
