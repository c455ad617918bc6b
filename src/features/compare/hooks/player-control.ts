import { correctDrift } from "../utils/drift";

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

export function setTime(el: HTMLMediaElement, seconds: number) {
  // Seeking to where a player already is would still make it seek (and wait) for nothing.
  if (Math.abs(el.currentTime - seconds) > 1e-4) el.currentTime = seconds;
}

/** Starts players in one task, so they start as close together as the browser allows. */
export function playTogether(players: HTMLMediaElement[]) {
  for (const el of players) el.play().catch(ignorePlayRefusal);
}

function ignorePlayRefusal(error: unknown) {
  // A pause or a new seek interrupting play() rejects it (AbortError): that is the transport at work.
  if (error instanceof DOMException && error.name === "AbortError") return;
  console.warn("A player refused to play:", error);
}

/** Nudges each follower's rate towards the master's time; the time to seek every player to when one is too far off. */
export function followMaster(masterSeconds: number, followers: HTMLMediaElement[], clock: { fps: number; speed: number; sinceSeek: number }): number | null {
  for (const el of followers) {
    const decision = correctDrift({ masterSeconds, followerSeconds: el.currentTime, currentRate: el.playbackRate, ...clock });
    if (decision.kind === "seek") return decision.toSeconds;
    if (decision.kind === "rate") el.playbackRate = decision.playbackRate;
  }
  return null;
}
