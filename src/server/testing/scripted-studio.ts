import { takeSchema, type Take } from "../../shared/take";
import { startFakeUpstream } from "./fake-upstream";
import { postJson, startHarness, testImage, uploadedId, waitForTerminal } from "./studio-harness";
import { testVideo } from "./test-video";

/**
 * A studio on a scripted upstream that records every create body: takes whose prompt holds
 * "[hold]" stay generating; the rest complete with a real 1280×720 MP4, one second long.
 * It holds a JPEG and a PNG upload to make takes from.
 */
export async function startScriptedStudio(overrides: Record<string, string> = {}) {
  const mp4 = await testVideo(1280, 720, 1);
  const prompts = new Map<string, string>();
  const fake = await startFakeUpstream((r) => {
    if (r.url.startsWith("/video/")) return { bytes: mp4 };
    if (r.method === "POST") {
      const id = `up-${prompts.size + 1}`;
      prompts.set(id, String((JSON.parse(r.body) as { prompt?: string }).prompt ?? ""));
      return { status: 201, json: { id, status: "queued" } };
    }
    const id = new URL(r.url, "http://x").searchParams.get("generation_id") ?? "";
    if (prompts.get(id)?.includes("[hold]")) return { json: { id, status: "generating" } };
    return { json: { id, status: "completed", video: [`${fake.url}/video/${id}.mp4`] } };
  });
  const h = await startHarness({ AIMLAPI_KEY: "sk-take-actions-0001", AIMLAPI_BASE_URL: fake.url, ...overrides });
  const jpegId = await uploadedId(h.url, await testImage(1280, 720));
  const pngId = await uploadedId(h.url, await testImage(1280, 720, "png"), "end.png", "image/png");

  const gen4 = (prompt = "A slow push-in on a harbour", extra: Record<string, unknown> = {}) => ({ model: "gen4_turbo", prompt, image: { uploadId: jpegId }, ratio: "16:9", duration: 5, ...extra });
  const gen3 = () => ({ model: "gen3a_turbo", prompt: "fog rolls over the pier", image: { uploadId: jpegId }, lastImage: { uploadId: pngId }, ratio: "9:16", duration: 10, seed: 777 });
  return {
    ...h,
    mp4,
    jpegId,
    pngId,
    gen4,
    gen3,
    /** Every create body the upstream received, oldest first. */
    createBodies: () => fake.requests.filter((r) => r.method === "POST").map((r) => JSON.parse(r.body) as Record<string, unknown>),
    async completedTake(body: unknown): Promise<Take> {
      const created = takeSchema.parse(await (await postJson(h.url, "/api/generations", body)).json());
      return takeSchema.parse(await waitForTerminal(h.url, created.id));
    },
    async stop() {
      await h.stop();
      await fake.close();
    },
  };
}
