import { act } from "@testing-library/react";

export type FakeVideo = {
  element: HTMLVideoElement;
  /** Every time the page set `currentTime`, in order. */
  seeks: number[];
  /** Moves the playhead as playback would, with the events a browser sends. */
  playTo: (seconds: number) => void;
};

/**
 * jsdom plays no media: this gives one <video> the playhead, play/pause and rate a browser
 * would, sending the same events, so a component under test sees what it would see in Chromium.
 */
export function fakeVideo(element: HTMLElement, { duration = 5 }: { duration?: number } = {}): FakeVideo {
  const video = element as HTMLVideoElement;
  let time = 0;
  let paused = true;
  let rate = 1;
  const seeks: number[] = [];
  const send = (name: string) => video.dispatchEvent(new Event(name));
  Object.defineProperties(video, {
    duration: { configurable: true, get: () => duration },
    paused: { configurable: true, get: () => paused },
    currentTime: {
      configurable: true,
      get: () => time,
      set: (value: number) => {
        time = value;
        seeks.push(value);
        send("seeking");
        send("seeked");
        send("timeupdate");
      },
    },
    playbackRate: {
      configurable: true,
      get: () => rate,
      set: (value: number) => {
        rate = value;
        send("ratechange");
      },
    },
    play: {
      configurable: true,
      value: () => {
        if (paused) {
          paused = false;
          send("play");
        }
        return Promise.resolve();
      },
    },
    pause: {
      configurable: true,
      value: () => {
        if (!paused) {
          paused = true;
          send("pause");
        }
      },
    },
  });
  act(() => send("durationchange"));
  return {
    element: video,
    seeks,
    playTo: (seconds) =>
      act(() => {
        time = seconds;
        send("timeupdate");
      }),
  };
}
