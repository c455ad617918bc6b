/** How much faster or slower a follower runs to catch up: small enough not to be seen or heard. */
const NUDGE = 0.03;
/** Past a frame and a half apart (a player that stalled for a moment), a firmer nudge. */
const FIRM_NUDGE = 0.05;
/** Past this many frames apart, nudging would take seconds: seek instead. */
export const SEEK_FRAMES = 3;
/** After a seek, players need a moment to settle; seeking again sooner would chase its own tail. */
export const SEEK_COOLDOWN_SECONDS = 1;

export type DriftInput = {
  masterSeconds: number;
  followerSeconds: number;
  fps: number;
  /** The speed chosen in the transport. */
  speed: number;
  /** The follower's playbackRate now (the speed, or the speed nudged). */
  currentRate: number;
  /** Seconds since the players were last seeked together. */
  sinceSeek: number;
};

export type DriftDecision = { kind: "keep" } | { kind: "rate"; playbackRate: number } | { kind: "seek"; toSeconds: number };

/**
 * One follower against the master clock. Within a quarter frame it runs at the chosen speed;
 * past half a frame it is nudged 3 % towards the master, past a frame and a half 5 % (between a
 * quarter and a half it keeps what it does, so it does not flicker between rates); past three
 * frames every player is seeked to the master's time, unless that was just done.
 */
export function correctDrift({ masterSeconds, followerSeconds, fps, speed, currentRate, sinceSeek }: DriftInput): DriftDecision {
  const drift = followerSeconds - masterSeconds;
  const frames = Math.abs(drift) * fps;
  if (frames > SEEK_FRAMES && sinceSeek >= SEEK_COOLDOWN_SECONDS) return { kind: "seek", toSeconds: masterSeconds };
  const towards = drift > 0 ? -1 : 1;
  const nudges = [NUDGE, FIRM_NUDGE].map((nudge) => speed * (1 + towards * nudge));
  let rate = currentRate;
  if (frames > 1.5) rate = nudges[1] ?? speed;
  else if (frames > 0.5) rate = nudges[0] ?? speed;
  else if (frames < 0.25 || !nudges.includes(currentRate)) rate = speed;
  return rate === currentRate ? { kind: "keep" } : { kind: "rate", playbackRate: rate };
}
