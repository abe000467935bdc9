/** How long to wait before reconnecting: doubling from `baseMs`, capped, with jitter. */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** A number in [0, 1): `Math.random` in the app, fixed in tests. */
  random?: () => number;
}

/**
 * The delay before reconnect attempt `attempt` (0 for the first). "Full jitter" over the upper
 * half: a server restart does not bring every tab back in the same millisecond, yet no tab
 * retries sooner than half the schedule.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1_000;
  const cap = options.capMs ?? 30_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
