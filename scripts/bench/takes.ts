import type { BenchUpstream } from "./upstream";
import { sleep } from "./stats";

export type Model = "gen3a_turbo" | "gen4_turbo";
export type TakeRecord = { id: string; upstreamId: string; model: Model };

type Detail = {
  status: string;
  completedAt: string | null;
  timings: { startedAt: string | null; finishedAt: string | null };
  video: { url: string } | null;
};

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export async function uploadFrame(baseUrl: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "bench-frame.jpg");
  const reply = await json<{ id: string }>(await fetch(`${baseUrl}/api/uploads`, { method: "POST", body: form }));
  return reply.id;
}

let seed = 1;

/**
 * Submits takes one after another: the BFF answers only after its create reached the upstream,
 * so the simulator job created during each request is that take's (the upstream id is not part
 * of the public reply).
 */
export async function submitTakes(baseUrl: string, upstream: BenchUpstream, uploadId: string, model: Model, count: number, prompt = "bench take"): Promise<TakeRecord[]> {
  const takes: TakeRecord[] = [];
  for (let n = 0; n < count; n++) {
    const before = upstream.created().length;
    const body = { model, prompt: `${prompt} ${seed}: a slow push-in`, image: { uploadId }, ratio: "16:9", duration: 5, seed: seed++ };
    const reply = await json<{ id: string }>(
      await fetch(`${baseUrl}/api/generations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    );
    const created = upstream.created();
    if (created.length !== before + 1) throw new Error(`expected one upstream create for take ${reply.id}, saw ${created.length - before}`);
    takes.push({ id: reply.id, upstreamId: created[before]!, model });
  }
  return takes;
}

export function getDetail(baseUrl: string, id: string): Promise<Detail> {
  return fetch(`${baseUrl}/api/generations/${id}`).then((r) => json<Detail>(r));
}

/** Waits (polling the BFF, not the upstream) until every take is completed; throws on a failure or timeout. */
export async function waitCompleted(baseUrl: string, takes: readonly TakeRecord[], timeoutMs: number): Promise<Map<string, Detail>> {
  const until = Date.now() + timeoutMs;
  const done = new Map<string, Detail>();
  while (done.size < takes.length) {
    for (const take of takes) {
      if (done.has(take.id)) continue;
      const detail = await getDetail(baseUrl, take.id);
      if (detail.status === "failed") throw new Error(`take ${take.id} failed`);
      if (detail.status === "completed") done.set(take.id, detail);
    }
    if (done.size < takes.length) {
      if (Date.now() > until) throw new Error(`${takes.length - done.size} take(s) not completed after ${timeoutMs} ms`);
      await sleep(250);
    }
  }
  return done;
}
