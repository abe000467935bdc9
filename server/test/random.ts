/** A seeded generator for the random worlds of the consistency tests: the same seed, the same world. */
export function seededRandom(seed: number) {
  // mulberry32: a tiny deterministic generator of numbers in [0, 1).
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    random,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T,
    chance: (probability: number) => random() < probability,
  };
}
