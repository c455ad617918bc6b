import { useEffect, useState, useSyncExternalStore } from "react";
import { PlaybackEngine } from "./playback-engine";

/** The transport of a comparison: an engine the players attach to, and its state for rendering. */
export function usePlayback(fps: number) {
  const [engine] = useState(() => new PlaybackEngine(fps));
  useEffect(() => () => engine.dispose(), [engine]);
  const state = useSyncExternalStore(engine.subscribe, engine.getState);
  return { engine, state };
}
