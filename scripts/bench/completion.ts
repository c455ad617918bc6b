import type { Browser, Page } from "@playwright/test";
import { readSightings, watchTakes } from "./browser";
import { sleep } from "./stats";
import { submitTakes, waitCompleted, type Model, type TakeRecord } from "./takes";
import type { BenchUpstream } from "./upstream";

export type Context = { baseUrl: string; upstream: BenchUpstream; uploadId: string };

/** One measured take; every *Ms is counted from the instant the simulator marked it completed. */
export type LatencySample = {
  takeId: string;
  model: Model;
  /** Create → completed at the upstream. */
  upstreamMs: number;
  /** The BFF's poll that saw it completed (timings.finishedAt). */
  detectedMs: number;
  /** Archived and marked completed by the BFF (completedAt). */
  archivedMs: number;
  /** The gallery card showed the finished take. */
  shownMs: number;
  /** …and its video had a decoded frame (readyState ≥ 2). */
  playableMs: number;
  /** Baseline: a client polling every 10 s of the real timeline (10 s × timeScale) from submit, first poll at/after completion. */
  fixedLoopMs: number;
  /** The BFF recorded when the job started generating (a poll saw `generating`). */
  startSeen: boolean;
};

export type CallsFigure = { model: Model; tabs: number; jobs: number; polls: number; fixedLoopPolls: number };

const FIXED_LOOP_MS = 10_000;
const SIGHTING_TIMEOUT_MS = 30_000;

function elapsedOf(upstream: BenchUpstream, take: TakeRecord): number {
  const elapsed = upstream.elapsedOf(take.upstreamId);
  if (elapsed === null) throw new Error(`no completion instant for upstream job ${take.upstreamId}`);
  return elapsed;
}

/** GETs the documented fixed loop would make on the same scaled timeline: ceil(duration / (10 s × timeScale)). */
function fixedLoopPolls(upstream: BenchUpstream, takes: readonly TakeRecord[]): number {
  return takes.reduce((sum, take) => sum + Math.ceil(elapsedOf(upstream, take) / (FIXED_LOOP_MS * upstream.timeScale)), 0);
}

/** Takes run to completion with no measuring, so the BFF learns how long such a job takes. */
export async function warmUp(ctx: Context, plan: ReadonlyArray<[Model, number]>): Promise<void> {
  const takes: TakeRecord[] = [];
  for (const [model, count] of plan) takes.push(...(await submitTakes(ctx.baseUrl, ctx.upstream, ctx.uploadId, model, count, "warm-up")));
  await waitCompleted(ctx.baseUrl, takes, 120_000);
}

/** A few takes at once, watched in one gallery tab from submit to a playable video. */
export async function measureBatch(ctx: Context, page: Page, model: Model, count: number): Promise<{ samples: LatencySample[]; calls: CallsFigure }> {
  const { baseUrl, upstream } = ctx;
  const pollsBefore = upstream.simulator.stats().polls;
  const takes = await submitTakes(baseUrl, upstream, ctx.uploadId, model, count);
  // A fresh load lists the new takes (they were submitted over HTTP, not through this tab's form).
  await page.goto(`${baseUrl}/`);
  await watchTakes(
    page,
    takes.map((t) => t.id),
  );
  const details = await waitCompleted(baseUrl, takes, 120_000);
  const polls = upstream.simulator.stats().polls - pollsBefore;

  const until = Date.now() + SIGHTING_TIMEOUT_MS;
  let sightings = await readSightings(page);
  while (takes.some((t) => sightings[t.id]?.playableAt == null)) {
    if (Date.now() > until) throw new Error(`the gallery did not show a playable video within ${SIGHTING_TIMEOUT_MS} ms of completion`);
    await sleep(100);
    sightings = await readSightings(page);
  }

  const samples = takes.map((take): LatencySample => {
    const completion = upstream.completionOf(take.upstreamId)!;
    const detail = details.get(take.id)!;
    const sighting = sightings[take.id]!;
    const upstreamMs = elapsedOf(upstream, take);
    return {
      takeId: take.id,
      model,
      upstreamMs,
      detectedMs: Date.parse(detail.timings.finishedAt ?? "") - completion,
      archivedMs: Date.parse(detail.completedAt ?? "") - completion,
      shownMs: sighting.shownAt - completion,
      playableMs: sighting.playableAt! - completion,
      fixedLoopMs: Math.ceil(upstreamMs / (FIXED_LOOP_MS * upstream.timeScale)) * FIXED_LOOP_MS * upstream.timeScale - upstreamMs,
      startSeen: detail.timings.startedAt !== null,
    };
  });
  return { samples, calls: { model, tabs: 1, jobs: count, polls, fixedLoopPolls: fixedLoopPolls(upstream, takes) } };
}

/** Upstream GETs per job with `tabs` gallery tabs open while the takes run: the BFF polls, not the browsers. */
export async function measureTabs(ctx: Context, browser: Browser, tabs: number, model: Model, count: number): Promise<CallsFigure> {
  const { baseUrl, upstream } = ctx;
  const pollsBefore = upstream.simulator.stats().polls;
  const takes = await submitTakes(baseUrl, upstream, ctx.uploadId, model, count, `${tabs} tabs`);
  // Tabs open once the renders are done, so their start-up cannot starve ffmpeg of CPU and
  // make the jobs run late (a late job is polled more, whoever is watching).
  while (takes.some((t) => upstream.completionOf(t.upstreamId) === null)) await sleep(50);
  // Reduced motion: twenty tabs of progress bars would otherwise starve the simulator's renders of CPU.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
  try {
    await Promise.all(
      Array.from({ length: tabs }, async () => {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/`);
      }),
    );
    await waitCompleted(baseUrl, takes, 120_000);
    const polls = upstream.simulator.stats().polls - pollsBefore;
    return { model, tabs, jobs: count, polls, fixedLoopPolls: fixedLoopPolls(upstream, takes) };
  } finally {
    await context.close();
  }
}
