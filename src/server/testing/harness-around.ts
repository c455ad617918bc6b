import { afterAll, afterEach, beforeAll } from "vitest";

/**
 * A studio started before the tests of the enclosing `describe` (or file) and stopped after them.
 * The object is handed back at once and filled in by `beforeAll`, so tests read it as a started one.
 */
export function harnessAround<H extends { stop(): Promise<void> }>(start: () => Promise<H>): H {
  const h = {} as H;
  let started: H | undefined;
  beforeAll(async () => {
    started = await start();
    Object.assign(h, started);
  });
  afterAll(() => started?.stop());
  return h;
}

/**
 * What a test started (studios, fake upstreams, servers) is stopped after that test, newest
 * first. Call at the top level of a file; the returned function registers one stop.
 */
export function cleanupsPerTest(): (cleanup: () => Promise<void>) => void {
  let cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
