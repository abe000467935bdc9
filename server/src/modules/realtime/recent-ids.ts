/** A set that remembers only its last `capacity` entries: enough to drop duplicates that arrive close together. */
export class RecentIds {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];

  constructor(private readonly capacity: number) {}

  /** The entries remembered, oldest first. */
  entries(): readonly string[] {
    return this.order;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Adds `id`; answers false when it was already there. */
  add(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    this.order.push(id);
    if (this.order.length > this.capacity) {
      const oldest = this.order.shift();
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
