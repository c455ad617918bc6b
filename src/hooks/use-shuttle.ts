import { useEffect, useRef, useState } from "react";
import type { FramePlayer } from "./use-frame-player";

const TOP_SPEED = 8;
/** Browsers play no video backwards: reverse is a seek back this often, by this much of real time. */
const REVERSE_TICK_MS = 100;

/**
 * J/K/L as editors know them: L plays and each further L doubles the speed; J runs backwards
 * (doubling likewise); K stops both. `speed` is negative while running backwards, 0 at rest.
 */
export function useShuttle(player: FramePlayer) {
  const [reverse, setReverse] = useState(0);
  const latest = useRef(player);
  useEffect(() => {
    latest.current = player;
  });

  useEffect(() => {
    if (reverse === 0) return;
    const timer = setInterval(() => {
      const { currentTime, seek } = latest.current;
      const next = currentTime() - (REVERSE_TICK_MS / 1000) * reverse;
      seek(next);
      if (next <= 0) setReverse(0);
    }, REVERSE_TICK_MS);
    return () => clearInterval(timer);
  }, [reverse]);

  function forward() {
    setReverse(0);
    const faster = player.playing ? Math.min(player.rate * 2, TOP_SPEED) : 1;
    player.setRate(faster);
    player.play();
  }
  function backward() {
    player.pause();
    player.setRate(1);
    setReverse((speed) => (speed === 0 ? 1 : Math.min(speed * 2, TOP_SPEED)));
  }
  function stop() {
    setReverse(0);
    player.pause();
    player.setRate(1);
  }
  function playPause() {
    setReverse(0);
    player.toggle();
  }

  const speed = reverse > 0 ? -reverse : player.playing ? player.rate : 0;
  return { speed, forward, backward, stop, playPause };
}
