import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { parseEnv } from "../env";
import { rawRequest } from "../testing/raw-request";
import { startHarness, type Harness } from "../testing/studio-harness";

const TAKE = JSON.stringify({ model: "gen4_turbo", prompt: "rebound", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 });
const json = { "content-type": "application/json" };
const codeOf = (text: string) => apiErrorSchema.parse(JSON.parse(text)).error;

let h: Harness;
let shell: string;
let port: string;
beforeAll(async () => {
  shell = mkdtempSync(join(tmpdir(), "dailies-shell-"));
  writeFileSync(join(shell, "index.html"), "<!doctype html><title>Dailies</title>");
  h = await startHarness({ STATIC_DIR: shell });
  port = new URL(h.url).port;
});
afterAll(async () => {
  await h.stop();
  rmSync(shell, { recursive: true, force: true });
});

describe("DNS rebinding (AUTH_MODE=none)", () => {
  const rebound = () => ({ host: `rebind.example:${port}`, origin: `http://rebind.example:${port}`, "sec-fetch-site": "same-origin" });

  it.each([
    ["GET", "/api/generations"],
    ["GET", "/api/health"],
    ["GET", "/"],
    ["GET", "/takes/some-take"],
    ["POST", "/api/generations"],
    ["DELETE", "/api/generations/any"],
  ])("answers %s %s for a foreign Host with 421 and nothing else", async (method, path) => {
    const creates = h.simulator!.stats().creates;
    const answer = await rawRequest(h.url, path, { method, headers: { ...rebound(), ...json }, ...(method === "POST" ? { body: TAKE } : {}) });
    expect(answer.status).toBe(421);
    const error = codeOf(answer.text);
    expect(error.code).toBe("misdirected_request");
    expect(error.message).toMatch(/does not answer to "rebind\.example:\d+".*PUBLIC_ORIGIN/);
    expect(answer.text).not.toContain("<title>");
    expect(h.simulator!.stats().creates).toBe(creates);
  });

  it("refuses a loopback name on another port, and a Host with tricks in it", async () => {
    for (const host of ["127.0.0.1:1", "localhost", "[::1]:1", "rebind.example", `127.0.0.2:${port}`]) {
      expect((await rawRequest(h.url, "/api/generations", { headers: { host } })).status, host).toBe(421);
    }
    // Malformed enough that the HTTP layer itself refuses them.
    for (const host of [`evil@127.0.0.1:${port}`, `127.0.0.1:${port}.rebind.example`]) {
      expect((await rawRequest(h.url, "/api/generations", { headers: { host } })).status, host).toBe(400);
    }
  });

  it("answers its own loopback names on its port, the shell included", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest(h.url, "/api/generations", { headers: { host } })).status, host).toBe(200);
      expect((await rawRequest(h.url, "/", { headers: { host } })).text).toContain("<title>Dailies</title>");
    }
  });
});

describe("Origin is compared with the studio's own origins in full", () => {
  const write = (origin: string, host = `127.0.0.1:${port}`) =>
    rawRequest(h.url, "/api/generations/nope/rerun", { method: "POST", headers: { host, origin, "sec-fetch-site": "same-origin", ...json }, body: '{"seed":"same"}' });

  it("refuses an https Origin on the http server, and another loopback port", async () => {
    for (const origin of [`https://127.0.0.1:${port}`, "http://127.0.0.1:1", `http://127.0.0.1:${port}.evil.example`, "null"]) {
      const answer = await write(origin);
      expect(answer.status, origin).toBe(403);
      expect(codeOf(answer.text).code).toBe("cross_site_refused");
    }
  });

  it("lets reads through from anywhere (a shared link opened from another site), and names no more than 100 characters of a foreign Host", async () => {
    const read = await rawRequest(h.url, "/api/generations", { headers: { host: `127.0.0.1:${port}`, origin: "https://chat.example", "sec-fetch-site": "cross-site" } });
    expect(read.status).toBe(200);
    const long = `${"a".repeat(150)}.example`;
    const refused = await rawRequest(h.url, "/api/generations", { headers: { host: long } });
    expect(codeOf(refused.text).message).toContain(`does not answer to "${long.slice(0, 100)}". Open it at http://127.0.0.1:${port}, http://localhost:${port}, http://[::1]:${port};`);
  });

  it("lets its own origins write, whichever loopback name the page used", async () => {
    expect((await write(`http://127.0.0.1:${port}`)).status).toBe(404);
    expect((await write(`http://localhost:${port}`, `localhost:${port}`)).status).toBe(404);
  });
});

describe("PUBLIC_ORIGIN", () => {
  it("adds the studio's public name for Host and Origin, scheme and all", async () => {
    const pub = await startHarness({ PUBLIC_ORIGIN: "https://dailies.studio.example, http://10.1.2.3:8080" });
    try {
      const post = (host: string, origin: string) =>
        rawRequest(pub.url, "/api/generations/nope/rerun", { method: "POST", headers: { host, origin, ...json }, body: '{"seed":"same"}' });
      expect((await rawRequest(pub.url, "/api/generations", { headers: { host: "dailies.studio.example" } })).status).toBe(200);
      expect((await rawRequest(pub.url, "/api/generations", { headers: { host: "10.1.2.3:8080" } })).status).toBe(200);
      expect((await rawRequest(pub.url, "/api/generations", { headers: { host: "10.1.2.3" } })).status).toBe(421);
      expect((await post("dailies.studio.example", "https://dailies.studio.example")).status).toBe(404);
      expect((await post("dailies.studio.example", "http://dailies.studio.example")).status).toBe(403);
      expect((await post("dailies.studio.example", "https://rebind.example")).status).toBe(403);
    } finally {
      await pub.stop();
    }
  });

  it("is required off loopback, and must be origins only", async () => {
    await expect(startHarness({ HOST: "0.0.0.0", AUTH_MODE: "password", STUDIO_PASSWORD: "lantern-harbour-42" })).rejects.toThrow(/Listening on 0\.0\.0\.0 needs PUBLIC_ORIGIN/);
    expect(() => parseEnv({ PUBLIC_ORIGIN: "https://dailies.example/app" })).toThrow(/PUBLIC_ORIGIN: "https:\/\/dailies\.example\/app" is not an origin/);
    expect(() => parseEnv({ PUBLIC_ORIGIN: "dailies.example" })).toThrow(/PUBLIC_ORIGIN/);
    expect(parseEnv({ PUBLIC_ORIGIN: "https://Dailies.Example/, http://a.example:81" }).PUBLIC_ORIGIN).toEqual(["https://dailies.example", "http://a.example:81"]);
  });
});
