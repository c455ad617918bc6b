import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { harnessAround } from "../testing/harness-around";
import { signIn, startPasswordHarness, TEST_PASSWORD } from "../testing/password-studio";
import { startHarness, type Harness } from "../testing/studio-harness";

const HOUR = 3_600_000;

const statusWith = async (h: Harness, cookie: string) => (await fetch(`${h.url}/api/generations`, { headers: { cookie } })).status;
const send = (h: Harness, method: string, path: string, cookie: string) => fetch(`${h.url}${path}`, { method, headers: { cookie } });

describe("ending sessions", () => {
  const h = harnessAround(startPasswordHarness);

  it("a cookie replayed after sign-out opens nothing", async () => {
    const cookie = await signIn(h.url, "Ana");
    expect(await statusWith(h, cookie)).toBe(200);
    expect((await send(h, "DELETE", "/api/session", cookie)).status).toBe(204);
    expect(await statusWith(h, cookie)).toBe(401);
    expect(await (await fetch(`${h.url}/api/session`, { headers: { cookie } })).json()).toEqual({ mode: "password", user: null });
  });

  it("an admin signs everyone out; nobody else may", async () => {
    const ana = await signIn(h.url, "Ana");
    const bo = await signIn(h.url, "Bo");
    const boss = await signIn(h.url, "boss");
    const refused = await send(h, "DELETE", "/api/session/all", ana);
    expect(refused.status).toBe(403);
    expect(apiErrorSchema.parse(await refused.json()).error.message).toMatch(/Only an admin/);
    expect(await statusWith(h, ana)).toBe(200);

    const done = await send(h, "DELETE", "/api/session/all", boss);
    expect(done.status).toBe(200);
    expect(((await done.json()) as { signedOut: number }).signedOut).toBeGreaterThanOrEqual(3);
    for (const cookie of [ana, bo, boss]) expect(await statusWith(h, cookie)).toBe(401);
    expect((await send(h, "DELETE", "/api/session/all", ana)).status).toBe(401);
  });
});

describe("a new studio password", () => {
  const dir = mkdtempSync(join(tmpdir(), "dailies-sessions-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ends every session at the next start; the same password keeps them", async () => {
    const first = await startHarness({ AUTH_MODE: "password", STUDIO_PASSWORD: TEST_PASSWORD }, dir);
    const cookie = await signIn(first.url, "Ana");
    await first.stop();

    const same = await startHarness({ AUTH_MODE: "password", STUDIO_PASSWORD: TEST_PASSWORD }, dir);
    expect(await statusWith(same, cookie)).toBe(200);
    await same.stop();

    const changed = await startHarness({ AUTH_MODE: "password", STUDIO_PASSWORD: "another-password-7" }, dir);
    try {
      expect(await statusWith(changed, cookie)).toBe(401);
      expect(await statusWith(changed, await signIn(changed.url, "Ana", "another-password-7"))).toBe(200);
    } finally {
      await changed.stop();
    }
  });
});

describe("SESSION_IDLE_HOURS", () => {
  it("ends a session left unused that long, while use keeps it alive up to SESSION_TTL_HOURS", async () => {
    let now = Date.UTC(2030, 0, 1);
    const h = await startHarness({ AUTH_MODE: "password", STUDIO_PASSWORD: TEST_PASSWORD, SESSION_IDLE_HOURS: "2", SESSION_TTL_HOURS: "5" }, undefined, { now: () => now });
    try {
      const busy = await signIn(h.url, "Ana");
      const idle = await signIn(h.url, "Bo");
      now += 1.5 * HOUR;
      expect(await statusWith(h, busy)).toBe(200);
      now += 1.5 * HOUR; // 3 h in: 1.5 h since Ana's last request, 3 h since Bo's
      expect(await statusWith(h, busy)).toBe(200);
      expect(await statusWith(h, idle)).toBe(401);
      now += 1.5 * HOUR;
      expect(await statusWith(h, busy)).toBe(200);
      now += 1 * HOUR; // 5.5 h: past the absolute limit however busy
      expect(await statusWith(h, busy)).toBe(401);
    } finally {
      await h.stop();
    }
  });
});
