import { randomInt } from "node:crypto";
import { SEED_MAX } from "../../shared/limits";

const SEED_COUNT = SEED_MAX + 1;

export function randomSeed(): number {
  return randomInt(0, SEED_COUNT);
}

/** A random seed other than `except`, so a "new seed" re-run is never the same take again. */
export function freshSeed(except: number): number {
  for (;;) {
    const seed = randomSeed();
    // Stryker disable next-line ConditionalExpression: drawing `except` again is a 1 in 2^32 event no test can wait for
    if (seed !== except) return seed;
  }
}

/** A batch's seeds: a locked seed s gives s, s+1, … wrapping past SEED_MAX to 0; none gives distinct random ones. */
export function batchSeeds(locked: number | null | undefined, count: number): number[] {
  if (locked !== null && locked !== undefined) return Array.from({ length: count }, (_, i) => (locked + i) % SEED_COUNT);
  const seeds = new Set<number>();
  while (seeds.size < count) seeds.add(randomSeed());
  return [...seeds];
}
