import { takeSchema, type Take } from "../../shared/take";
import { startFakeUpstream, type FakeReply, type FakeRequest } from "./fake-upstream";
import { cleanupsPerTest } from "./harness-around";
import { postJson, startHarness, type Harness } from "./studio-harness";

export const FAKE_KEY = "sk-fake-upstream-key-0001";
export const takeBody = { model: "gen4_turbo", prompt: "a lighthouse at dusk", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 };

/**
 * A studio whose upstream is a scripted fake: `poll` answers each GET of the job in turn
 * (n = 1, 2, …) and each GET under /video with n = -1, -2, …; `base` is the fake's origin.
 * Register `cleanup` with afterEach.
 */
export async function studioWith(
  poll: (n: number, base: string) => FakeReply | Promise<FakeReply>,
  create?: (r: FakeRequest) => FakeReply,
  env: Record<string, string> = {},
) {
  let polls = 0;
  let base = "";
  const videoHits: number[] = [];
  const fake = await startFakeUpstream((r) => {
    if (r.url.startsWith("/video")) {
      videoHits.push(Date.now());
      return poll(-videoHits.length, base);
    }
    if (r.method === "POST") return create ? create(r) : { status: 201, json: { id: "up-1", status: "queued" } };
    return poll(++polls, base);
  });
  base = fake.url;
  const h: Harness = await startHarness({ AIMLAPI_KEY: FAKE_KEY, AIMLAPI_BASE_URL: fake.url, ...env });
  const cleanup = async () => {
    await h.stop();
    await fake.close();
  };
  return { h, fake, videoHits, cleanup };
}

/** `studioWith` for a file's tests: each studio stops after the test that started it (call at the top level). */
export function studiosPerTest() {
  const stopAfterTest = cleanupsPerTest();
  return async (...args: Parameters<typeof studioWith>) => {
    const started = await studioWith(...args);
    stopAfterTest(started.cleanup);
    return started;
  };
}

/** Sends one take and returns its id. */
export async function sendTake(h: Harness): Promise<string> {
  return ((await (await postJson(h.url, "/api/generations", takeBody)).json()) as { id: string }).id;
}

/** Every status the BFF shows for a take until it settles (or `giveUp` holds), and the last take seen. */
export async function watch(h: Harness, id: string, timeoutMs = 45_000, giveUp = () => false) {
  const seen = new Set<string>();
  const until = Date.now() + timeoutMs;
  let last: Take = takeSchema.parse(await (await fetch(`${h.url}/api/generations/${id}`)).json());
  while (Date.now() < until && last.status !== "completed" && last.status !== "failed" && !giveUp()) {
    await new Promise((r) => setTimeout(r, 40));
    last = takeSchema.parse(await (await fetch(`${h.url}/api/generations/${id}`)).json());
    seen.add(last.status);
  }
  return { seen, last };
}
