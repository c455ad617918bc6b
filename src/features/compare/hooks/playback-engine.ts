import { withLoopEnd, withLoopStart, type LoopRange } from "../utils/loop-points";
import { frameAt, frameCount, frameTime } from "../utils/frames";
import { followMaster, playTogether, setTime, waitUntilReady } from "./player-control";
import { StateStore } from "./state-store";

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
export class PlaybackEngine extends StateStore<PlaybackState> {
  private readonly members = new Map<string, Member>();
  /** Bumped by every seek, so a seek still waiting for its players gives way to a newer one. */
  private seekToken = 0;
  private seeking = false;
  private lastSeekAt = Number.NEGATIVE_INFINITY;
  private frameRequest: number | null = null;

  constructor(readonly fps: number) {
    super({ playing: false, frame: 0, lastFrame: 0, speed: 1, loop: null });
  }

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
    return this.state.playing ? this.pause() : this.play();
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

  markLoopStart = () => this.setLoop(withLoopStart(this.state.loop, this.state.frame, this.state.lastFrame));

  markLoopEnd = () => this.setLoop(withLoopEnd(this.state.loop, this.state.frame));

  /** The page is going: no frame loop may outlive it. Players detach through their refs. */
  dispose() {
    this.stopClock();
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
    // A take that ends before this moment holds its last frame instead of playing.
    const playing = members.filter((member) => seconds < frameTime(member.lastFrame, this.fps)).map((member) => member.el);
    await Promise.all(members.map((member) => waitUntilReady(member.el, playing.includes(member.el))));
    if (token !== this.seekToken || !this.state.playing) return;
    this.seeking = false;
    this.lastSeekAt = performance.now();
    playTogether(playing);
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
    // A follower past its own end holds its last frame by itself.
    const followers = [...this.members.values()].filter((m) => m !== master && !m.el.ended && seconds < frameTime(m.lastFrame, this.fps));
    const sinceSeek = (performance.now() - this.lastSeekAt) / 1000;
    const seekTo = followMaster(seconds, followers.map((m) => m.el), { fps: this.fps, speed: this.state.speed, sinceSeek });
    if (seekTo !== null) {
      void this.seekAll(seekTo);
      return;
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
