import { correctDrift } from "../utils/drift";
import { withLoopEnd, withLoopStart, type LoopRange } from "../utils/loop-points";
import { frameAt, frameCount, frameTime } from "../utils/frames";
import { waitUntilReady } from "./media-ready";

export type PlaybackState = {
  playing: boolean;
  /** The frame on screen (of the longest take). */
  frame: number;
  lastFrame: number;
  speed: number;
  loop: LoopRange | null;
};

type Member = { el: HTMLVideoElement; lastFrame: number };

/**
 * One transport for several <video>s. The longest one is the master clock: a frame loop reads
 * its currentTime and keeps the others on it (nudged rate, or a seek all together when far
 * off; see correctDrift). A take shorter than the master holds its last frame.
 */
export class PlaybackEngine {
  private readonly members = new Map<string, Member>();
  private readonly listeners = new Set<() => void>();
  private state: PlaybackState = { playing: false, frame: 0, lastFrame: 0, speed: 1, loop: null };
  /** Bumped by every seek, so a seek still waiting for its players gives way to a newer one. */
  private seekToken = 0;
  private seeking = false;
  private lastSeekAt = Number.NEGATIVE_INFINITY;
  private frameRequest: number | null = null;

  constructor(readonly fps: number) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = () => this.state;

  attach(id: string, el: HTMLVideoElement, durationSeconds: number) {
    this.members.set(id, { el, lastFrame: frameCount(durationSeconds, this.fps) - 1 });
    // A new source resets playbackRate to the default, so both carry the speed.
    el.defaultPlaybackRate = this.state.speed;
    el.playbackRate = this.state.speed;
    this.update({ lastFrame: this.lastFrame() });
    // Not the master's own time: when the view changes, the new master may be this new player at 0.
    if (this.state.playing) void this.seekAll(frameTime(this.state.frame, this.fps));
    else this.place(this.state.frame);
  }

  detach(id: string, el: HTMLVideoElement) {
    if (this.members.get(id)?.el !== el) return;
    this.members.delete(id);
    this.update({ lastFrame: this.lastFrame() });
  }

  play() {
    if (this.state.playing || this.members.size === 0) return;
    const { start, end } = this.range();
    // From the last frame (or outside the loop), play starts the range again.
    const frame = this.state.frame < start || this.state.frame >= end ? start : this.state.frame;
    this.update({ playing: true, frame });
    void this.seekAll(frameTime(frame, this.fps));
  }

  pause() {
    if (!this.state.playing) return;
    this.stopClock();
    for (const { el } of this.members.values()) el.pause();
    // Every player shows the frame the master was on, not wherever each one stopped.
    const frame = Math.min(frameAt(this.masterSeconds(), this.fps), this.state.lastFrame);
    this.update({ playing: false, frame });
    this.place(frame);
  }

  toggle() {
    if (this.state.playing) this.pause();
    else this.play();
  }

  seekFrame(frame: number) {
    const target = Math.min(Math.max(Math.round(frame), 0), this.state.lastFrame);
    this.update({ frame: target });
    if (this.state.playing) void this.seekAll(frameTime(target, this.fps));
    else this.place(target);
  }

  step(delta: number) {
    this.pause();
    this.seekFrame(this.state.frame + delta);
  }

  setSpeed(speed: number) {
    this.update({ speed });
    for (const { el } of this.members.values()) {
      el.defaultPlaybackRate = speed;
      el.playbackRate = speed;
    }
  }

  setLoop(loop: LoopRange | null) {
    this.update({ loop });
  }

  markLoopStart() {
    this.setLoop(withLoopStart(this.state.loop, this.state.frame, this.state.lastFrame));
  }

  markLoopEnd() {
    this.setLoop(withLoopEnd(this.state.loop, this.state.frame));
  }

  /** The page is going: no frame loop may outlive it. Players detach through their refs. */
  dispose() {
    this.stopClock();
  }

  private update(patch: Partial<PlaybackState>) {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof PlaybackState)[]).some((key) => next[key] !== this.state[key]);
    if (!changed) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private lastFrame() {
    return Math.max(0, ...[...this.members.values()].map((member) => member.lastFrame));
  }

  private range(): LoopRange {
    return this.state.loop ?? { start: 0, end: this.state.lastFrame };
  }

  private master(): Member | undefined {
    let longest: Member | undefined;
    for (const member of this.members.values()) if (!longest || member.lastFrame > longest.lastFrame) longest = member;
    return longest;
  }

  private masterSeconds() {
    return this.master()?.el.currentTime ?? frameTime(this.state.frame, this.fps);
  }

  /** A member's own time for a moment of the transport: its last frame once it has ended. */
  private timeFor(member: Member, seconds: number) {
    return Math.min(seconds, frameTime(member.lastFrame, this.fps));
  }

  private place(frame: number) {
    const seconds = frameTime(frame, this.fps);
    for (const member of this.members.values()) setTime(member.el, this.timeFor(member, seconds));
  }

  /** Pause, seek every player, wait until each can play on, then start them in one go. */
  private async seekAll(seconds: number) {
    this.stopClock();
    const token = ++this.seekToken;
    this.seeking = true;
    const members = [...this.members.values()];
    for (const member of members) {
      member.el.pause();
      member.el.playbackRate = this.state.speed;
      setTime(member.el, this.timeFor(member, seconds));
    }
    await Promise.all(members.map((member) => waitUntilReady(member.el, seconds < frameTime(member.lastFrame, this.fps))));
    if (token !== this.seekToken || !this.state.playing) return;
    this.seeking = false;
    this.lastSeekAt = performance.now();
    for (const member of members) {
      if (seconds < frameTime(member.lastFrame, this.fps)) member.el.play().catch(ignorePlayRefusal);
    }
    this.scheduleTick();
  }

  private scheduleTick() {
    this.frameRequest ??= requestAnimationFrame(this.tick);
  }

  private stopClock() {
    this.seekToken++;
    this.seeking = false;
    if (this.frameRequest !== null) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = null;
  }

  private readonly tick = () => {
    this.frameRequest = null;
    const master = this.master();
    if (!this.state.playing || this.seeking || !master) return;
    const seconds = master.el.currentTime;
    const { start, end } = this.range();
    if (master.el.ended || seconds >= (end + 1) / this.fps) {
      this.reachEnd(start, end);
      return;
    }
    for (const member of this.members.values()) {
      // A follower past its own end holds its last frame by itself.
      if (member === master || member.el.ended || seconds >= frameTime(member.lastFrame, this.fps)) continue;
      const decision = correctDrift({
        masterSeconds: seconds,
        followerSeconds: member.el.currentTime,
        fps: this.fps,
        speed: this.state.speed,
        currentRate: member.el.playbackRate,
        sinceSeek: (performance.now() - this.lastSeekAt) / 1000,
      });
      if (decision.kind === "seek") {
        void this.seekAll(decision.toSeconds);
        return;
      }
      if (decision.kind === "rate") member.el.playbackRate = decision.playbackRate;
    }
    this.update({ frame: Math.min(frameAt(seconds, this.fps), end) });
    this.scheduleTick();
  };

  private reachEnd(start: number, end: number) {
    if (this.state.loop) {
      this.update({ frame: start });
      void this.seekAll(frameTime(start, this.fps));
      return;
    }
    this.stopClock();
    for (const { el } of this.members.values()) el.pause();
    this.update({ playing: false, frame: end });
    this.place(end);
  }
}

function setTime(el: HTMLVideoElement, seconds: number) {
  // Seeking to where a player already is would still make it seek (and wait) for nothing.
  if (Math.abs(el.currentTime - seconds) > 1e-4) el.currentTime = seconds;
}

function ignorePlayRefusal(error: unknown) {
  // A pause or a new seek interrupting play() rejects it (AbortError): that is the transport at work.
  if (error instanceof DOMException && error.name === "AbortError") return;
  console.warn("A player refused to play:", error);
}
