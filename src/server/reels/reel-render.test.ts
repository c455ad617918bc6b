import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { reelSchema, type Reel } from "../../shared/reel";
import { takeSchema } from "../../shared/take";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { harnessAround } from "../testing/harness-around";
import { projectSteps } from "../testing/project-steps";
import { probeReel } from "../testing/reel-probe";
import { startSeededHarness } from "../testing/seeded-studio";
import { takeRequest, uploadedId, waitForTerminal } from "../testing/studio-harness";

const run = promisify(execFile);
const call = checkedCalls();
const FRAME = 1 / 24;

describe("making the reel", () => {
  // One settled take with no file behind it, for the reel that fails; real takes are made by the simulator.
  const h = harnessAround(() => startSeededHarness([{ prompt: "archive lost" }]));
  const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
  const { newProject, newShot } = projectSteps(send);
  const makeTake = async (shotId: string) => {
    const made = await send("POST", "/api/generations", takeRequest(await uploadedId(h.url), { shotId, duration: 5 }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return takeSchema.parse(await waitForTerminal(h.url, made.body.id, 60_000));
  };
  /** Polls the reel until it is done, keeping each status and progress it showed on the way. */
  const settle = async (id: string) => {
    const seen: [Reel["status"], number][] = [];
    for (;;) {
      const reel = reelSchema.parse((await send("GET", `/api/reels/${id}`)).body);
      if (seen.at(-1)?.[0] !== reel.status || seen.at(-1)?.[1] !== reel.progress) seen.push([reel.status, reel.progress]);
      if (reel.status === "completed" || reel.status === "failed") return { reel, seen };
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it("cuts the circled or chosen take of each shot behind its slate, at the canvas, with its edit lists beside it", async () => {
    const project = await newProject("Harbour spot");
    const [sh10, sh20] = [await newShot(project, "SH010"), await newShot(project, "SH020")];
    await newShot(project, "SH030"); // no take: left out
    const [a, b] = [await makeTake(sh10.id), await makeTake(sh20.id)];
    await send("PATCH", `/api/generations/${a.id}`, { review: "circled" });
    await send("POST", `/api/generations/${a.id}/notes`, { atSeconds: 1, text: 'hold, then "push" in' });
    await send("POST", `/api/generations/${a.id}/notes`, { atSeconds: 2.5, text: "=too bright" });

    const asked = await send("POST", `/api/projects/${project}/reel`, { canvas: "1080x1920", takes: { [sh20.id]: b.id } });
    expect(asked.status).toBe(202);
    const queued = reelSchema.parse(asked.body);
    expect(queued).toMatchObject({ projectId: project, canvas: "1080x1920", status: "queued", progress: 0, video: null, edlUrl: null, error: null, createdBy: "studio" });
    expect(queued.shots).toEqual([
      { shotId: sh10.id, code: "SH010", takeId: a.id, slateAtSeconds: 0, startSeconds: 2, endSeconds: 7 },
      { shotId: sh20.id, code: "SH020", takeId: b.id, slateAtSeconds: 7, startSeconds: 9, endSeconds: 14 },
    ]);

    const { reel, seen } = await settle(queued.id);
    expect(reel.status, JSON.stringify(reel.error)).toBe("completed");
    const progress = seen.map(([, fraction]) => fraction);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(seen.at(-1)).toEqual(["completed", 1]);
    expect(reel.video).toMatchObject({ url: `/media/reels/${reel.id}.mp4`, width: 1080, height: 1920, durationSeconds: 14 });
    expect((await send("GET", `/api/projects/${project}/reels`)).body).toMatchObject({ items: [{ id: reel.id, status: "completed" }] });

    const file = join(h.dataDir, "media", "reels", `${reel.id}.mp4`);
    const probe = await probeReel(file);
    expect(probe).toMatchObject({ codec: "h264", pixFmt: "yuv420p", width: 1080, height: 1920, frameRate: "24/1", frames: 14 * 24, errors: "" });
    expect(Math.abs(probe.durationSeconds - (a.video!.durationSeconds + b.video!.durationSeconds + 2 * 2))).toBeLessThanOrEqual(4 * FRAME);
    // The 16:9 take is letterboxed on the portrait canvas: black above, the picture in the middle.
    const { stdout: gray } = await run("/usr/bin/ffmpeg", ["-v", "error", "-ss", "4", "-i", file, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"], { encoding: "buffer", maxBuffer: 4 * 1024 * 1024 });
    expect([gray[1080 * 100 + 540], gray[1080 * 960 + 540]].map((v) => v! > 30)).toEqual([false, true]);

    const edl = (await (await fetch(`${h.url}${reel.edlUrl}`)).json()) as { events: Record<string, unknown>[] };
    expect(edl).toMatchObject({ reelId: reel.id, project: { id: project, name: "Harbour spot" }, canvas: "1080x1920", fps: 24, durationSeconds: 14 });
    expect(edl.events).toEqual([
      expect.objectContaining({ index: 1, shot: "SH010", takeId: a.id, sourceFile: `${a.id}.mp4`, slate: { recordIn: "00:00:00:00", recordOut: "00:00:02:00" }, recordIn: "00:00:02:00", recordOut: "00:00:07:00", sourceIn: "00:00:00:00", sourceOut: "00:00:05:00" }),
      expect.objectContaining({ index: 2, shot: "SH020", takeId: b.id, recordIn: "00:00:09:00", recordOut: "00:00:14:00", notes: [] }),
    ]);
    expect(edl.events[0]!.notes).toEqual([
      { atSeconds: 1, sourceTimecode: "00:00:01:00", recordTimecode: "00:00:03:00", text: 'hold, then "push" in', author: "studio" },
      { atSeconds: 2.5, sourceTimecode: "00:00:02:12", recordTimecode: "00:00:04:12", text: "=too bright", author: "studio" },
    ]);
    const csv = await fetch(`${h.url}${reel.edlCsvUrl}`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // A random id may start with "-", which the CSV keeps as text like any cell a spreadsheet
    // would run as a formula (reel-edl.test.ts).
    const asText = (id: string) => (id.startsWith("-") ? `'${id}` : id);
    expect(await csv.text()).toBe(
      [
        "shot,take_id,source_file,record_in,record_out,source_in,source_out,notes",
        `SH010,${asText(a.id)},${asText(a.id)}.mp4,00:00:02:00,00:00:07:00,00:00:00:00,00:00:05:00,"00:00:01:00 hold, then ""push"" in (studio) | 00:00:02:12 =too bright (studio)"`,
        `SH020,${asText(b.id)},${asText(b.id)}.mp4,00:00:09:00,00:00:14:00,00:00:00:00,00:00:05:00,`,
        "",
      ].join("\r\n"),
    );

    const ranged = await call(h.url, reel.video!.url, { headers: { range: "bytes=0-99" } });
    expect([ranged.status, ranged.headers.get("content-range")]).toEqual([206, `bytes 0-99/${reel.video!.bytes}`]);
    const download = await call(h.url, reel.video!.downloadUrl);
    expect(download.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="\\d{4}-\\d\\d-\\d\\d-harbour-spot-reel-1080x1920\\.mp4"`));

    // The reel goes with its project (once the project's takes are out of it), files and all.
    for (const take of [a, b]) await send("PATCH", `/api/generations/${take.id}`, { shotId: null });
    expect((await send("DELETE", `/api/projects/${project}`)).status).toBe(204);
    expect((await send("GET", `/api/reels/${reel.id}`)).status).toBe(404);
    expect((await send("GET", reel.video!.url)).status).toBe(404);
    expect(existsSync(file)).toBe(false);
  }, 180_000);

  it("fails a reel ffmpeg cannot cut, in words, and leaves no files", async () => {
    const project = await newProject("Lost");
    const shot = await newShot(project, "SH010");
    const lost = h.ids[0]!;
    await send("PATCH", `/api/generations/${lost}`, { shotId: shot.id, review: "circled" });
    // The record says archived; the file says otherwise.
    writeFileSync(join(h.dataDir, "media", "videos", `${lost}.mp4`), "not a video");
    const asked = reelSchema.parse((await send("POST", `/api/projects/${project}/reel`, { canvas: "1920x1080" })).body);
    const { reel } = await settle(asked.id);
    expect(reel).toMatchObject({ status: "failed", video: null, edlUrl: null, edlCsvUrl: null });
    expect(reel.error).toEqual({ code: "reel_failed", message: "ffmpeg could not cut the reel. Try again; if it fails again, the operator will find the reason in the studio's log." });
    expect(h.logLines.some((line) => line.includes("reel failed") && line.includes(asked.id))).toBe(true);
    expect(errorOf(await send("GET", `/media/reels/${asked.id}.mp4`)).code).toBe("not_found");
    expect(existsSync(join(h.dataDir, "media", "reels", `${asked.id}.json`))).toBe(false);
  });
});
