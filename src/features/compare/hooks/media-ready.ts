const HAVE_CURRENT_DATA = 2;
const HAVE_FUTURE_DATA = 3;
/** A player that never gets there (a broken file, a stalled network) must not hold the others forever. */
const READY_TIMEOUT_MS = 3000;

/**
 * Resolves once a player has finished seeking and has the frames to show (`willPlay`: to play
 * on), so players started together really start together.
 */
export function waitUntilReady(el: HTMLMediaElement, willPlay: boolean): Promise<void> {
  const need = willPlay ? HAVE_FUTURE_DATA : HAVE_CURRENT_DATA;
  const ready = () => el.error !== null || (!el.seeking && el.readyState >= need);
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const events = ["seeked", "canplay", "canplaythrough", "loadeddata", "error"] as const;
    const finish = () => {
      clearTimeout(timer);
      for (const name of events) el.removeEventListener(name, check);
      resolve();
    };
    const check = () => {
      if (ready()) finish();
    };
    const timer = setTimeout(finish, READY_TIMEOUT_MS);
    for (const name of events) el.addEventListener(name, check);
  });
}
