import { act } from "@testing-library/react";
import { vi } from "vitest";

/**
 * jsdom plays no media: this gives a <video> the parts a transport drives (play, pause,
 * paused, ended, readyState, duration), records calls, and leaves currentTime to the test.
 */
export function fakePlayback(video: HTMLVideoElement, durationSeconds: number) {
  let paused = true;
  let ended = false;
  Object.defineProperties(video, {
    paused: { configurable: true, get: () => paused },
    ended: { configurable: true, get: () => ended },
    readyState: { configurable: true, value: 4 },
    duration: { configurable: true, value: durationSeconds },
  });
  const play = vi.fn(() => {
    paused = false;
    ended = false;
    return Promise.resolve();
  });
  const pause = vi.fn(() => {
    paused = true;
  });
  Object.assign(video, { play, pause });
  return {
    play,
    pause,
    /** The player reached its end by itself. */
    end: () => {
      video.currentTime = durationSeconds;
      paused = true;
      ended = true;
    },
  };
}

/** Animation frames on demand: `nextFrame()` runs the callbacks requested so far. */
export function manualAnimationFrames() {
  let queue = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    queue.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => void queue.delete(id));
  return {
    pending: () => queue.size,
    nextFrame: () =>
      act(() => {
        const due = queue;
        queue = new Map();
        for (const callback of due.values()) callback(performance.now());
      }),
  };
}
