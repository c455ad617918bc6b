import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema, errorSpec, type ErrorCode } from "../shared/api-error";
import { takeBatchSchema, takeSchema } from "../shared/take";
import { startFakeUpstream } from "./testing/fake-upstream";
import { rawRequest } from "./testing/raw-request";
import { postJson, sendJson, startHarness, upload, waitForTerminal, type Harness } from "./testing/studio-harness";

/**
 * Walks the routes' error paths over HTTP: every error body must carry a code from the one
 * table (the wire schema's z.enum), and the status the table gives it unless the route
 * deliberately answers another one. Takes' failure codes are read back the same way.
 */
let h: Harness;
let fake: Awaited<ReturnType<typeof startFakeUpstream>>;

const take = (prompt: string) => ({ model: "gen4_turbo", prompt, image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 });

/** Reads an error answer, checks it against the table and returns its code. */
async function refusal(answer: Response | Promise<Response>): Promise<{ status: number; code: ErrorCode }> {
  const response = await answer;
  const body = apiErrorSchema.parse(await response.json());
  return { status: response.status, code: body.error.code };
}

beforeAll(async () => {
  let refuseNext = false;
  fake = await startFakeUpstream((r) => {
    if (r.method === "POST") {
      const prompt = String((JSON.parse(r.body) as { prompt?: string }).prompt ?? "");
      if (prompt.includes("[key]") || refuseNext) {
        refuseNext = false;
        return { status: 401, json: { message: "Unauthorized" } };
      }
      if (prompt.includes("[busy]")) return { status: 500, json: { message: "upstream hiccup" } };
      if (prompt.includes("[bad]")) return { status: 422, json: { message: "prompt refused" } };
      refuseNext = prompt.includes("[then-refuse]");
      return { status: 201, json: { id: prompt.includes("[hold]") ? "up-hold" : "up-fail", status: "queued" } };
    }
    // A key without access to the usage log: an ambiguous create falls back to "outcome unknown".
    if (r.url.startsWith("/v2/logs")) return { status: 403, json: { message: "Forbidden" } };
    if (r.url.includes("up-hold")) return { json: { id: "up-hold", status: "generating" } };
    return { json: { id: "up-fail", status: "failed", error: { name: "SAFETY.INPUT.TEXT", message: "prompt flagged" } } };
  });
  h = await startHarness({ AIMLAPI_KEY: "sk-error-walk-0001", AIMLAPI_BASE_URL: fake.url, LIMIT_DAILY_STUDIO: "7" });
});
afterAll(async () => {
  await h.stop();
  await fake.close();
});

describe("every error code comes from the one table", () => {
  it("answers request errors with table codes and the table's status", async () => {
    const expectTable = async (answer: Promise<Response>, code: ErrorCode) => {
      const got = await refusal(answer);
      expect(got).toEqual({ status: errorSpec(code).status, code });
    };
    await expectTable(fetch(`${h.url}/api/nope`), "not_found");
    await expectTable(fetch(`${h.url}/api/generations/missing`), "not_found");
    await expectTable(fetch(`${h.url}/api/generations?status=dreaming`), "validation_failed");
    await expectTable(fetch(`${h.url}/api/generations?cursor=abc`), "validation_failed");
    await expectTable(postJson(h.url, "/api/generations", "{not json"), "malformed_json");
    await expectTable(fetch(`${h.url}/api/generations`, { method: "POST", body: "x", headers: { "content-type": "text/plain" } }), "unsupported_content_type");
    await expectTable(postJson(h.url, "/api/generations", { prompt: "x".repeat(70_000) }), "payload_too_large");
    await expectTable(postJson(h.url, "/api/generations", take("a"), { "idempotency-key": "no!" }), "validation_failed");
    await expectTable(postJson(h.url, "/api/generations/missing/rerun", { seed: "same" }), "not_found");
    await expectTable(sendJson(h.url, "PATCH", "/api/generations/missing", { favourite: true }), "not_found");
    await expectTable(fetch(`${h.url}/api/generations/missing`, { method: "DELETE" }), "not_found");
    await expectTable(fetch(`${h.url}/api/generations/missing/handoff.zip`), "not_found");
    await expectTable(fetch(`${h.url}/api/uploads`, { method: "POST", body: "x", headers: { "content-type": "text/plain" } }), "unsupported_content_type");
    await expectTable(fetch(`${h.url}/api/uploads`, { method: "POST", body: new FormData() }), "validation_failed");
    await expectTable(upload(h.url, Buffer.from("not an image"), "x.jpg"), "unsupported_image");
    await expectTable(fetch(`${h.url}/api/uploads/missing`), "not_found");
    await expectTable(postJson(h.url, "/api/uploads/from-video", { generationId: "missing" }), "not_found");
    await expectTable(fetch(`${h.url}/media/videos/missing.mp4`), "not_found");
    await expectTable(postJson(h.url, "/api/session", { name: "Ana", password: "x" }), "no_sign_in");
    await expectTable(fetch(`${h.url}/api/generations`, { method: "POST", headers: { origin: "https://evil.example" } }), "cross_site_refused");
    const misdirected = await rawRequest(h.url, "/api/models", { headers: { host: "evil.example" } });
    const body = apiErrorSchema.parse(misdirected.json());
    expect([misdirected.status, body.error.code]).toEqual([errorSpec("misdirected_request").status, "misdirected_request"]);
  });

  it("answers take errors with table codes, and fails takes only with table codes", async () => {
    const keyed = { "idempotency-key": "walk-key-0001" };
    expect((await postJson(h.url, "/api/generations", take("[hold] one"), keyed)).status).toBe(201);
    expect(await refusal(postJson(h.url, "/api/generations", take("[hold] other"), keyed))).toEqual({ status: 422, code: "idempotency_key_reused" });
    expect(await refusal(postJson(h.url, "/api/generations", { ...take("a"), image: { uploadId: "gone" } }))).toEqual({ status: 422, code: "validation_failed" });
    // Upstream refusals: the code's own status when it asks for a change, else 502.
    expect(await refusal(postJson(h.url, "/api/generations", take("[key]")))).toEqual({ status: 502, code: "upstream_auth" });
    // An ambiguous create is answered as made: the take is checked in the usage log, which this key can't read.
    const busy = await postJson(h.url, "/api/generations", take("[busy]"));
    expect(busy.status).toBe(201);
    const checked = takeSchema.parse(await waitForTerminal(h.url, takeSchema.parse(await busy.json()).id));
    expect(checked.error).toMatchObject({ code: "outcome_unknown", retryable: true, detail: expect.stringMatching(/usage log could not be read.*HTTP 403/) });
    expect(checked.charge).toEqual({ state: "unknown", usd: null, credits: null, estimated: false });
    expect(await refusal(postJson(h.url, "/api/generations", take("[bad]")))).toEqual({ status: 422, code: "upstream_bad_input" });

    const batch = takeBatchSchema.parse(await (await postJson(h.url, "/api/generations/batch", { ...take("[then-refuse]"), variations: 3 })).json());
    expect(batch.items.map((g) => g.error?.code ?? null)).toEqual([null, "upstream_auth", "not_sent"]);
    const failed = takeSchema.parse(await waitForTerminal(h.url, batch.items[0]!.id));
    expect(failed.error).toMatchObject({ code: "safety_input", retryable: false, detail: "prompt flagged" });
    expect(failed.charge).toEqual({ state: "not_charged", usd: 0, credits: 0, estimated: false });
    expect(batch.items[2]!.error).toMatchObject({ retryable: true });

    const list = (await (await fetch(`${h.url}/api/generations`)).json()) as { items: unknown[] };
    const held = list.items.map((item) => takeSchema.parse(item)).find((g) => g.status === "generating")!;
    expect(await refusal(fetch(`${h.url}/api/generations/${held.id}`, { method: "DELETE" }))).toEqual({ status: 409, code: "still_running" });
    expect(await refusal(fetch(`${h.url}/api/generations/${failed.id}/handoff.zip`))).toEqual({ status: 409, code: "not_completed" });
    expect(await refusal(postJson(h.url, "/api/uploads/from-video", { generationId: failed.id }))).toEqual({ status: 409, code: "not_completed" });
    expect(await refusal(postJson(h.url, "/api/generations", take("one too many")))).toEqual({ status: 429, code: "limit_reached" });
  });
});
