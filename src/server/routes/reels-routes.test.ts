import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reelListSchema, reelSchema } from "../../shared/reel";
import { openStudioSql } from "../testing/test-sql";
import { INTERRUPTED_MESSAGE } from "../reels/reel-queue";
import { createProjectsStore } from "../store/projects-store";
import { createReelsStore } from "../store/reels-store";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { cleanupsPerTest, harnessAround } from "../testing/harness-around";
import { projectSteps } from "../testing/project-steps";
import { startSeededHarness } from "../testing/seeded-studio";
import { startHarness } from "../testing/studio-harness";

const call = checkedCalls();

describe("asking for a reel", () => {
  // Settled takes without renders: the refusals never get as far as cutting.
  const h = harnessAround(() => startSeededHarness([{ prompt: "circled" }, { prompt: "failed", status: "failed" }, { prompt: "other shot" }, { prompt: "elsewhere" }]));
  const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
  const { newProject, newShot } = projectSteps(send);
  const refusal = async (projectId: string, body: unknown) => {
    const answer = await send("POST", `/api/projects/${projectId}/reel`, body);
    const error = errorOf(answer);
    return { status: answer.status, code: error.code, message: error.message, fields: error.fields };
  };

  it("refuses an unknown project, a reel with nothing on it, and a body that is not a canvas and a map of takes", async () => {
    expect(await refusal("nope", { canvas: "1920x1080" })).toMatchObject({ status: 404, code: "not_found", message: 'There is no project with id "nope".' });
    const project = await newProject("Empty");
    const noShots = await refusal(project, { canvas: "1920x1080" });
    expect(noShots).toMatchObject({ status: 400, code: "reel_empty", message: expect.stringMatching(/no shots yet.*circle a take.*or choose one per shot/) });
    await newShot(project, "SH010");
    expect(await refusal(project, { canvas: "1920x1080" })).toEqual({
      status: 400,
      code: "reel_empty",
      message: "No shot of this project has a circled take yet: circle a take in each shot you want on the reel, or choose one per shot in takes.",
      fields: undefined,
    });
    expect((await refusal(project, { canvas: "1280x720", takes: [] })).fields).toEqual({
      canvas: "Choose a canvas: 1920x1080 or 1080x1920.",
      takes: expect.stringMatching(/^takes maps shot ids to take ids/),
    });
    expect((await refusal(project, { canvas: "1080x1920", takes: { a: 7 }, extra: 1 })).fields).toEqual({ takes: expect.stringMatching(/^takes maps/), extra: expect.stringMatching(/Remove "extra"/) });
    expect((await send("GET", `/api/projects/${project}/reels`)).body).toEqual({ items: [] });
  });

  it("names each shot whose take cannot go on the reel, and stores nothing", async () => {
    const [circled, failed, otherShot, elsewhere] = h.ids as [string, string, string, string];
    const project = await newProject("Harbour");
    const [sh10, sh20, sh30] = [await newShot(project, "SH010"), await newShot(project, "SH020"), await newShot(project, "SH030")];
    const foreign = await newShot(await newProject("Elsewhere"), "SH010");
    await send("PATCH", `/api/generations/${circled}`, { shotId: sh10.id, review: "circled" });
    await send("PATCH", `/api/generations/${failed}`, { shotId: sh20.id, review: "circled" });
    await send("PATCH", `/api/generations/${otherShot}`, { shotId: sh30.id });
    await send("PATCH", `/api/generations/${elsewhere}`, { shotId: foreign.id });

    // SH020's circled take failed: the reel is refused until another is chosen for it.
    expect(await refusal(project, { canvas: "1920x1080" })).toEqual({
      status: 400,
      code: "validation_failed",
      message: `The circled take of SH020 (${failed}) is failed, so it has no video: choose a completed take for SH020.`,
      fields: { [`takes.${sh20.id}`]: `The circled take of SH020 (${failed}) is failed, so it has no video: choose a completed take for SH020.` },
    });
    const wrong = await refusal(project, { canvas: "1920x1080", takes: { [sh10.id]: otherShot, [sh20.id]: "no-such-take", [foreign.id]: elsewhere, "no-such-shot": circled } });
    expect(wrong).toEqual({
      status: 400,
      code: "validation_failed",
      message: "4 shots need a change.",
      fields: {
        [`takes.${sh10.id}`]: `Take ${otherShot} is not in shot SH010: choose one of SH010's takes.`,
        [`takes.${sh20.id}`]: `There is no take with id "no-such-take": choose one of SH020's takes.`,
        [`takes.${foreign.id}`]: `Shot "${foreign.id}" belongs to another project: a reel holds only this project's shots.`,
        "takes.no-such-shot": 'There is no shot with id "no-such-shot" in this project: use the id of one of its shots.',
      },
    });
    const chosenFailed = await refusal(project, { canvas: "1920x1080", takes: { [sh20.id]: failed, [sh30.id]: otherShot } });
    expect(chosenFailed.fields).toEqual({ [`takes.${sh20.id}`]: `Take ${failed} is failed, so it has no video: choose a completed take for SH020.` });
    expect(reelListSchema.parse((await send("GET", `/api/projects/${project}/reels`)).body).items).toEqual([]);
    expect(errorOf(await send("GET", "/api/reels/nope")).message).toBe('There is no reel with id "nope".');
  });
});

const cleanup = cleanupsPerTest();

it("fails at start-up a reel the last run left queued or rendering, saying to make it again", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dailies-reel-restart-"));
  cleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const db = await openStudioSql(dir);
  const project = await createProjectsStore(db, Date.now).create({ name: "Restart", description: null, createdBy: "ana" });
  // Left by a studio that died: its lease has lapsed (on the Postgres lane a live lease would be left alone).
  const reels = createReelsStore(db, Date.now, { owner: "gone", ms: -1 });
  const event = { shotId: "s", code: "SH010", takeId: "t", sourceFile: "t.mp4", model: "gen4_turbo", seed: 1, author: "ana", takeCreatedAt: 0, slateFrame: 0, takeFrame: 48, takeFrames: 120 };
  const [rendering, queued] = [await reels.create({ projectId: project.id, canvas: "1920x1080", events: [event], createdBy: "ana" }), await reels.create({ projectId: project.id, canvas: "1080x1920", events: [event], createdBy: "ana" })];
  await reels.markRendering(rendering.id);
  await db.close();

  const h = await startHarness({}, dir);
  cleanup(() => h.stop());
  for (const id of [rendering.id, queued.id]) {
    const reel = reelSchema.parse((await call(h.url, `/api/reels/${id}`)).body);
    expect(reel).toMatchObject({ status: "failed", video: null, edlUrl: null, error: { code: "reel_failed", message: INTERRUPTED_MESSAGE } });
  }
  expect(INTERRUPTED_MESSAGE).toBe("The studio stopped before this reel was finished (a restart, or the replica cutting it went down): make it again.");
});
