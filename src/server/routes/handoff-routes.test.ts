import { unzipSync } from "fflate";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { noteSchema } from "../../shared/note";
import { takeSchema, type Take } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import { startScriptedStudio } from "../testing/scripted-studio";
import { postJson, sendJson } from "../testing/studio-harness";

const h = harnessAround(startScriptedStudio);

describe("download and handoff", () => {
  let take: Take;
  beforeAll(async () => {
    take = await h.completedTake(h.gen3());
  });
  const expectedName = () => `${take.createdAt.slice(0, 10)}-gen3a_turbo-fog-rolls-over-the-pier-777.mp4`;

  it("checks the video, stores its facts and serves a poster of at most 640 px", async () => {
    expect(take.video).toMatchObject({ width: 1280, height: 720, bytes: h.mp4.length, downloadName: expectedName() });
    expect(take.video!.durationSeconds).toBeCloseTo(1, 1);
    const poster = await fetch(`${h.url}${take.video!.posterUrl}`);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(Buffer.from(await poster.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 640, 360]);
  });

  it("?download=1 names the file; a plain request does not", async () => {
    const plain = await fetch(`${h.url}${take.video!.url}`);
    expect(plain.headers.get("content-disposition")).toBeNull();
    const download = await fetch(`${h.url}${take.video!.url}?download=1`);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="${expectedName()}"; filename*=UTF-8''${expectedName()}`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(h.mp4);
  });

  it("the handoff zip holds the MP4, poster, frames and a complete take.json, with the take's review, shot and notes", async () => {
    const project = (await (await postJson(h.url, "/api/projects", { name: "Pier" })).json()) as { id: string };
    const shot = (await (await postJson(h.url, `/api/projects/${project.id}/shots`, { code: "SH010" })).json()) as { id: string };
    const reviewed = takeSchema.parse(await (await sendJson(h.url, "PATCH", `/api/generations/${take.id}`, { shotId: shot.id, review: "circled" })).json());
    const note = async (body: unknown) => noteSchema.parse(await (await postJson(h.url, `/api/generations/${take.id}/notes`, body)).json());
    const [later, sooner] = [await note({ atSeconds: 0.5, x: 0.25, y: 0.75, text: "the gull, there" }), await note({ atSeconds: 0.1, text: "fog too thin" })];
    const response = await fetch(`${h.url}/api/generations/${take.id}/handoff.zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain(`filename="${expectedName().replace(".mp4", "")}-handoff.zip"`);
    const zip = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(zip.length));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([expectedName(), "first-frame.jpg", "last-frame.png", "poster.jpg", "take.json"].sort());
    expect(Buffer.from(files[expectedName()]!)).toEqual(h.mp4);
    expect(Buffer.from(files["first-frame.jpg"]!)).toEqual(Buffer.from(await (await fetch(`${h.url}/media/uploads/${h.jpegId}`)).arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files["take.json"])) as { frames: { first: { bytes: number } }; notes: unknown[] };
    expect(manifest).toMatchObject({
      id: take.id,
      model: "gen3a_turbo",
      provider: "aimlapi",
      upstreamId: expect.stringMatching(/^up-/),
      parameters: { prompt: "fog rolls over the pier", ratio: "9:16", duration: 10, seed: 777 },
      frames: {
        first: { uploadId: h.jpegId, file: "first-frame.jpg", contentType: "image/jpeg", width: 1280, height: 720, url: `/media/uploads/${h.jpegId}` },
        last: { uploadId: h.pngId, file: "last-frame.png", contentType: "image/png" },
      },
      video: { file: expectedName(), bytes: h.mp4.length, width: 1280, height: 720, poster: "poster.jpg" },
      timings: { createdAt: take.createdAt, submittedAt: take.timings.submittedAt, finishedAt: take.timings.finishedAt, completedAt: take.completedAt },
      provenance: { sourceId: null, createdAt: take.createdAt, app: { name: "dailies", version: expect.stringMatching(/^\d+\.\d+\.\d+/) } },
      review: { state: "circled", by: "studio", at: reviewed.review.at },
      shotId: shot.id,
      projectId: project.id,
    });
    // The notes in the order they come up, each with who wrote it and when.
    expect(manifest.notes).toEqual([
      { atSeconds: 0.1, x: null, y: null, text: "fog too thin", author: "studio", createdAt: sooner.createdAt },
      { atSeconds: 0.5, x: 0.25, y: 0.75, text: "the gull, there", author: "studio", createdAt: later.createdAt },
    ]);
    expect(manifest.frames.first.bytes).toBeGreaterThan(0);
  });

  it("409s a take that is not completed and 404s an unknown one", async () => {
    const running = takeSchema.parse(await (await postJson(h.url, "/api/generations", h.gen4("not yet [hold]"))).json());
    const response = await fetch(`${h.url}/api/generations/${running.id}/handoff.zip`);
    expect(response.status).toBe(409);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe("not_completed");
    expect((await fetch(`${h.url}/api/generations/nope/handoff.zip`)).status).toBe(404);
    expect((await fetch(`${h.url}/media/posters/${running.id}.jpg`)).status).toBe(404);
  });
});
