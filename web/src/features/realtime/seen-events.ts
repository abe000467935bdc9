/**
 * The keys of the last events delivered, so an event replayed after a reconnect reaches
 * subscribers once. Bounded: the oldest keys are forgotten first.
 */
export class SeenEvents {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 500) {}

  /** Records `id`; false when it was already seen. */
  remember(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order: the first key is the oldest.
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return true;
  }
}
