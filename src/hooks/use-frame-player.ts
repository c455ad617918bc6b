import { useCallback, useEffect, useRef, useState } from "react";
import { frameAt, lastFrameOf, seekTimeOf } from "@/components/player/frame-math";

/** One video driven frame by frame: what it shows now, and the moves a transport makes. */
export type FramePlayer = {
  /** The <video>'s ref callback. */
  attach: (video: HTMLVideoElement | null) => void;
  fps: number;
  duration: number;
  time: number;
  /** The element's own time, for code running between renders (timers). */
  currentTime: () => number;
  frame: number;
  lastFrame: number;
  playing: boolean;
  rate: number;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  seek: (seconds: number) => void;
  /** Shows a frame (clamped to the take), seeking just inside its start. */
  seekFrame: (frame: number) => void;
  /** Pauses, then moves `delta` frames. */
  step: (delta: number) => void;
  setRate: (rate: number) => void;
};

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * The time comes from the element's own events; while playing, Chromium's per-frame callback
 * (where there is one) keeps the frame readout exact instead of the 4 Hz of `timeupdate`.
 * `duration` stands in until the file's metadata says better.
 */
export function useFramePlayer({ fps, duration }: { fps: number; duration: number }): FramePlayer {
  // State, so listeners follow a new element; a ref, so the moves below can drive it.
  const [video, setVideo] = useState<VideoWithFrames | null>(null);
  const element = useRef<VideoWithFrames | null>(null);
  const attach = useCallback((next: HTMLVideoElement | null) => {
    element.current = next;
    setVideo(next);
  }, []);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  const [mediaDuration, setMediaDuration] = useState<number | null>(null);

  useEffect(() => {
    if (!video) return;
    const readTime = () => setTime(video.currentTime);
    const readPlaying = () => setPlaying(!video.paused);
    const readRate = () => setRateState(video.playbackRate);
    const readDuration = () => setMediaDuration(Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null);
    const listeners: [string, () => void][] = [
      ["timeupdate", readTime],
      ["seeking", readTime],
      ["seeked", readTime],
      ["play", readPlaying],
      ["pause", readPlaying],
      ["ended", readPlaying],
      ["ratechange", readRate],
      ["loadedmetadata", readDuration],
      ["durationchange", readDuration],
    ];
    for (const [name, listener] of listeners) video.addEventListener(name, listener);
    // A new element (another take) starts from what it says, not from the last one's state.
    for (const read of [readTime, readPlaying, readRate, readDuration]) read();
    return () => {
      for (const [name, listener] of listeners) video.removeEventListener(name, listener);
    };
  }, [video]);

  useEffect(() => {
    if (!video || !playing || !video.requestVideoFrameCallback) return;
    let handle = 0;
    const onFrame = () => {
      setTime(video.currentTime);
      handle = video.requestVideoFrameCallback?.(onFrame) ?? 0;
    };
    handle = video.requestVideoFrameCallback(onFrame);
    return () => video.cancelVideoFrameCallback?.(handle);
  }, [video, playing]);

  const length = mediaDuration ?? duration;
  const lastFrame = lastFrameOf(length, fps);

  const seek = useCallback(
    (seconds: number) => {
      const video = element.current;
      if (!video) return;
      const clamped = Math.min(Math.max(0, seconds), seekTimeOf(lastFrame, fps));
      video.currentTime = clamped;
      setTime(clamped);
    },
    [lastFrame, fps],
  );
  const seekFrame = useCallback((frame: number) => seek(seekTimeOf(Math.min(Math.max(0, frame), lastFrame), fps)), [seek, lastFrame, fps]);
  const pause = useCallback(() => element.current?.pause(), []);
  const play = useCallback(() => {
    // A refused play (autoplay rules, a file that failed) leaves the player paused, which it shows.
    void element.current?.play()?.catch(() => undefined);
  }, []);
  const toggle = useCallback(() => (element.current?.paused === false ? pause() : play()), [pause, play]);
  const step = useCallback(
    (delta: number) => {
      const video = element.current;
      if (!video) return;
      video.pause();
      seekFrame(frameAt(video.currentTime, fps) + delta);
    },
    [seekFrame, fps],
  );
  const setRate = useCallback(
    (next: number) => {
      if (!element.current) return;
      element.current.playbackRate = next;
      setRateState(next);
    },
    [],
  );

  const currentTime = useCallback(() => element.current?.currentTime ?? 0, []);

  return { attach, currentTime, fps, duration: length, time, frame: frameAt(time, fps), lastFrame, playing, rate, play, pause, toggle, seek, seekFrame, step, setRate };
}
