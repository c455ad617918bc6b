import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../simulator/simulator";
import { startTestSimulator } from "../simulator/sim-test-client";
import { postJson, startHarness, testImage, upload, waitForTerminal, type Harness } from "./testing/studio-harness";

// A key shaped like a real one, used against the simulator so the real client path runs.
const KEY = "aiml-7d3f0c1e9b2a4f6d8e0a1b2c3d4e5f60";
let simulator: Simulator;
let h: Harness;
let simDir: string;
const bodies: string[] = [];

/** Every response body and header goes through here, to be scanned for the key. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${h.url}${path}`, init);
  const text = Buffer.from(await response.clone().arrayBuffer()).toString("latin1");
  bodies.push(text, JSON.stringify([...response.headers]));
  return response;
}

beforeAll(async () => {
  simDir = mkdtempSync(join(tmpdir(), "dailies-sec-sim-"));
  simulator = await startTestSimulator({ apiKey: KEY, dataDir: simDir, timeScale: 0.01 });
  h = await startHarness({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: simulator.url });
});
afterAll(async () => {
  await h.stop();
  await simulator.close();
  rmSync(simDir, { recursive: true, force: true });
});

describe("the key never leaves the BFF", () => {
  it("is in no response body or header and no log line, across a full take", async () => {
    const uploaded = (await (await upload(h.url, await testImage())).json()) as { id: string };
    const created = (await (await call("/api/generations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gen4_turbo", prompt: "key scan", image: { uploadId: uploaded.id }, ratio: "16:9", duration: 5 }),
    })).json()) as { id: string };
    const done = await waitForTerminal(h.url, created.id);
    expect(done.status).toBe("completed");
    for (const path of ["/api/health", "/api/models", "/api/session", "/api/usage", "/api/uploads", `/api/generations/${created.id}`, "/api/generations", `/api/generations/${created.id}/handoff.zip`, `/media/videos/${created.id}.mp4`, "/api/nope", "/"]) {
      await call(path);
    }
    await call("/api/generations", { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" });
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body).not.toContain(KEY);
    expect(h.logLines.length).toBeGreaterThan(0);
    expect(h.logLines.join("\n")).not.toContain(KEY);
  });
});

describe("security headers", () => {
  it("are on every kind of response", async () => {
    const uploaded = (await (await upload(h.url, await testImage(640, 480))).json()) as { url: string };
    for (const path of ["/api/health", "/api/generations", "/api/generations/missing", uploaded.url, "/api/nope"]) {
      const response = await fetch(`${h.url}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/media-src 'self'/);
      expect(csp).toMatch(/img-src 'self'[^;]*https:/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});

describe("cross-site writes", () => {
  const body = JSON.stringify({ model: "gen4_turbo", prompt: "csrf", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 });
  it.each([
    ["an Origin of another site", { origin: "https://evil.example", "content-type": "application/json" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", "content-type": "application/json" }],
    ["a cross-site HTML form post", { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" }],
    ["a null Origin (sandboxed frame)", { origin: "null", "content-type": "application/json" }],
  ])("refuses %s with 403 and sends nothing upstream", async (_label, headers) => {
    const creates = simulator.stats().creates;
    const response = await fetch(`${h.url}/api/generations`, { method: "POST", headers, body });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_site_refused");
    expect(simulator.stats().creates).toBe(creates);
  });
  it("lets same-origin writes through", async () => {
    const response = await fetch(`${h.url}/api/generations/nope/rerun`, {
      method: "POST",
      headers: { origin: h.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ seed: "same" }),
    });
    expect(response.status).toBe(404);
  });
});

describe("/media and body limits", () => {
  it.each([
    "/media/uploads/..%2F..%2Fdailies.sqlite",
    "/media/uploads/%2e%2e%2fsession-secret",
    "/media/videos/..%2Fdailies.sqlite",
    "/media/posters/..%2F..%2Fsession-secret.jpg",
    "/media/videos/%2Fetc%2Fpasswd",
    "/media/uploads/..\\..\\dailies.sqlite",
  ])("serves nothing for %s", async (path) => {
    const response = await fetch(`${h.url}${path}`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain("SQLite format");
    expect(readFileSync(join(h.dataDir, "session-secret")).length).toBe(32);
  });

  it("refuses deeply nested JSON and oversized JSON bodies", async () => {
    const deep = `${"[".repeat(2000)}${"]".repeat(2000)}`;
    const nested = await postJson(h.url, "/api/generations", deep);
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { error: { message: string } }).error.message).toMatch(/nests deeper/);
    const big = await postJson(h.url, "/api/generations", JSON.stringify({ prompt: "x".repeat(100_000) }));
    expect(big.status).toBe(413);
    for (const path of ["/api/session", "/api/uploads/from-video"]) {
      const response = await postJson(h.url, path, JSON.stringify({ name: "x".repeat(5000), generationId: "y" }));
      expect(response.status, path).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    }
  });
});
