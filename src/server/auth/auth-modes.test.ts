import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeSchema } from "../../shared/take";
import { rawRequest } from "../testing/raw-request";
import { harnessAround } from "../testing/harness-around";
import { cookieOf, startPasswordHarness, TEST_PASSWORD } from "../testing/password-studio";
import { postJson, startHarness, testImage, waitForTerminal, type Harness } from "../testing/studio-harness";
import { encodeSessionCookie, newSessionId, SESSION_COOKIE } from "./session-cookie";

async function signIn(h: Harness, name: string, password = TEST_PASSWORD): Promise<Response> {
  return postJson(h.url, "/api/session", { name, password });
}
const get = (h: Harness, path: string, cookie?: string) => fetch(`${h.url}${path}`, { headers: cookie ? { cookie } : {} });

describe("AUTH_MODE=password", () => {
  const h = harnessAround(startPasswordHarness);

  it("refuses /api and /media without a session, and the health check says only ok", async () => {
    for (const path of ["/api/generations", "/api/models", "/api/uploads", "/media/uploads/x", "/api/usage"]) {
      const response = await get(h, path);
      expect(response.status, path).toBe(401);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe("unauthenticated");
    }
    expect(await (await get(h, "/api/health")).json()).toEqual({ status: "ok" });
    expect(await (await get(h, "/api/session")).json()).toEqual({ mode: "password", user: null });
  });

  it("signs in with the studio password: an HttpOnly, SameSite=Lax cookie that opens the API", async () => {
    const response = await signIn(h, "  Ana  ");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: "password", user: { name: "Ana", isAdmin: false } });
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = cookieOf(response);
    expect((await get(h, "/api/generations", cookie)).status).toBe(200);
    expect(await (await get(h, "/api/health", cookie)).json()).toEqual({ status: "ok", provider: "simulator", currency: { code: "USD", perUsd: 1 } });
    expect(await (await get(h, "/api/session", cookie)).json()).toMatchObject({ user: { name: "Ana" } });
  });

  it("refuses a wrong password at the field, a forged cookie and a well-signed unknown one", async () => {
    const wrong = await signIn(h, "Ana", "guess");
    expect(wrong.status).toBe(401);
    expect(apiErrorSchema.parse(await wrong.json()).error.fields?.password).toMatch(/not the studio password/);
    const good = cookieOf(await signIn(h, "Ana"));
    const [name, value] = good.split("=");
    const [id, signature] = value!.split(".");
    expect((await get(h, "/api/generations", `${name}=${newSessionId()}.${signature}`)).status).toBe(401);
    expect((await get(h, "/api/generations", `${name}=${id}.AAAA${signature!.slice(4)}`)).status).toBe(401);
    // Signed with the real secret but never issued: only the server's own sessions open the API.
    const secret = readFileSync(join(h.dataDir, "session-secret"));
    expect((await get(h, "/api/generations", `${SESSION_COOKIE}=${encodeSessionCookie(secret, newSessionId())}`)).status).toBe(401);
  });

  it("signs out", async () => {
    const cookie = cookieOf(await signIn(h, "Ana"));
    const out = await fetch(`${h.url}/api/session`, { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`, "i"));
  });

  it("records who made each take and upload; Mine shows one's own; only the author or an admin deletes", async () => {
    const ana = cookieOf(await signIn(h, "Ana"));
    const bo = cookieOf(await signIn(h, "Bo"));
    const boss = cookieOf(await signIn(h, "boss"));
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await testImage(800, 600))], { type: "image/jpeg" }), "ana.jpg");
    const uploaded = (await (await fetch(`${h.url}/api/uploads`, { method: "POST", body: form, headers: { cookie: ana } })).json()) as { id: string; author: string };
    expect(uploaded.author).toBe("Ana");

    const make = async (cookie: string, prompt: string) => {
      const response = await postJson(h.url, "/api/generations", { model: "gen3a_turbo", prompt, image: { uploadId: uploaded.id }, ratio: "16:9", duration: 5 }, { cookie });
      expect(response.status).toBe(201);
      return takeSchema.parse(await response.json());
    };
    const anas = await make(ana, "by ana");
    const bos = await make(bo, "by bo");
    expect([anas.author, bos.author]).toEqual(["Ana", "Bo"]);
    await waitForTerminal(h.url, anas.id, 30_000, ana);
    await waitForTerminal(h.url, bos.id, 30_000, bo);

    const mine = (await (await get(h, "/api/generations?mine=true", ana)).json()) as { items: { id: string }[] };
    expect(mine.items.map((g) => g.id)).toEqual([anas.id]);
    const everyone = (await (await get(h, "/api/generations", ana)).json()) as { items: unknown[] };
    expect(everyone.items.length).toBeGreaterThanOrEqual(2);

    const byOther = await fetch(`${h.url}/api/generations/${anas.id}`, { method: "DELETE", headers: { cookie: bo } });
    expect(byOther.status).toBe(403);
    expect(apiErrorSchema.parse(await byOther.json()).error.message).toMatch(/Only Ana/);
    expect((await fetch(`${h.url}/api/generations/${anas.id}`, { method: "DELETE", headers: { cookie: ana } })).status).toBe(204);
    expect((await fetch(`${h.url}/api/generations/${bos.id}`, { method: "DELETE", headers: { cookie: boss } })).status).toBe(204);
  });

  it("slows down repeated wrong passwords from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(h, "Mallory", `guess-${i}`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses).toContain(429);
    const blocked = await signIn(h, "Mallory");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("AUTH_MODE=proxy", () => {
  it("believes the user header only from a trusted proxy", async () => {
    const trusted = await startHarness({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "127.0.0.1, ::1" });
    const untrusted = await startHarness({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "10.0.0.1" });
    try {
      const headers = { "x-forwarded-email": "ana@studio.example" };
      const ok = await fetch(`${trusted.url}/api/session`, { headers });
      expect(await ok.json()).toEqual({ mode: "proxy", user: { name: "ana@studio.example", isAdmin: false } });
      expect((await fetch(`${trusted.url}/api/generations`, { headers })).status).toBe(200);
      expect((await fetch(`${trusted.url}/api/generations`)).status).toBe(401);
      expect((await fetch(`${untrusted.url}/api/generations`, { headers })).status).toBe(401);
      expect((await postJson(untrusted.url, "/api/session", { name: "x", password: "y" })).status).toBe(409);
    } finally {
      await trusted.stop();
      await untrusted.stop();
    }
  });
});

describe("AUTH_MODE=proxy with a doubled user header", () => {
  it("refuses a repeated user header or one holding a comma, saying why", async () => {
    const h = await startHarness({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "127.0.0.1, ::1", ADMINS: "alice@studio" });
    try {
      const ask = (value: string | string[]) => rawRequest(h.url, "/api/generations", { headers: { "X-Forwarded-Email": value } });
      expect((await ask("alice@studio")).status).toBe(200);
      for (const [value, message] of [
        [["evil@x", "alice@studio"], /^The sign-in proxy sent x-forwarded-email 2 times; it must send exactly one user\./],
        [["alice@studio", "alice@studio", "bo@studio"], /^The sign-in proxy sent x-forwarded-email 3 times;/],
        ["evil@x, alice@studio", /^The x-forwarded-email header holds a list; it must name exactly one user\.$/],
        ["evil@x,alice@studio", /^The x-forwarded-email header holds a list;/],
      ] as const) {
        const answer = await ask(value as string | string[]);
        expect(answer.status, String(value)).toBe(400);
        const error = apiErrorSchema.parse(answer.json()).error;
        expect(error.code).toBe("bad_proxy_header");
        expect(error.message).toMatch(message);
      }
      const doubled = await rawRequest(h.url, "/api/session/all", { method: "DELETE", headers: { "X-Forwarded-Email": ["evil@x", "alice@studio"] } });
      expect(doubled.status).toBe(400);
    } finally {
      await h.stop();
    }
  });
});

describe("AUTH_MODE=none", () => {
  it("refuses to start on a non-loopback address, saying why", async () => {
    await expect(startHarness({ HOST: "0.0.0.0" })).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0 without sign-in/);
  });
});

