import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { errorOfReply as errorOf } from "../testing/checked-calls";
import { harnessAround } from "../testing/harness-around";
import { cookieOf, startPasswordHarness, TEST_PASSWORD } from "../testing/password-studio";
import { postJson, startHarness, type Harness } from "../testing/studio-harness";

/** Ana's sign-in as sent, its reply unread: these tests look at its headers. */
const signIn = (h: Harness, headers: Record<string, string> = {}) => postJson(h.url, "/api/session", { name: "Ana", password: TEST_PASSWORD }, headers);
const attributes = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";").map((part) => part.trim().toLowerCase());

describe("the session cookie behind a proxy", () => {
  // The test's own address stands in for the proxy.
  const behindProxy = harnessAround(() => startPasswordHarness({ TRUSTED_PROXIES: "127.0.0.1, ::1" }));
  const direct = harnessAround(() => startPasswordHarness());

  it("is Secure when a trusted proxy says the browser came over HTTPS, and scoped to the whole site", async () => {
    const answer = await signIn(behindProxy, { "x-forwarded-proto": "https" });
    expect(answer.status).toBe(200);
    expect(attributes(answer)).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    const signOut = await fetch(`${behindProxy.url}/api/session`, { method: "DELETE", headers: { cookie: cookieOf(answer), "x-forwarded-proto": "https" } });
    expect(signOut.status).toBe(204);
    expect(attributes(signOut)).toEqual(expect.arrayContaining(["secure", "path=/"]));
  });

  it("is not Secure over plain HTTP, nor when the HTTPS claim comes from an address that is not a trusted proxy", async () => {
    for (const [h, proto] of [
      [behindProxy, "http"],
      [direct, "https"],
    ] as const) {
      const answer = await signIn(h, { "x-forwarded-proto": proto });
      expect(answer.status).toBe(200);
      expect(attributes(answer)).not.toContain("secure");
      expect(attributes(answer)).toContain("path=/");
    }
  });

  it("is Secure when the request itself came over HTTPS", async () => {
    const answer = await direct.app.request("https://127.0.0.1/api/session", {
      method: "POST",
      headers: { "content-type": "application/json", host: new URL(direct.url).host },
      body: JSON.stringify({ name: "Ana", password: TEST_PASSWORD }),
    });
    expect(answer.status).toBe(200);
    expect(attributes(answer)).toContain("secure");
  });
});

describe("signing in too often", () => {
  let now = Date.parse("2026-11-30T12:00:00Z");
  const h = harnessAround(() => startPasswordHarness({}, { now: () => now }));
  const wrong = () => postJson(h.url, "/api/session", { name: "Ana", password: "not-the-password" });

  it("locks a client out after five wrong passwords, doubling the wait, and says how long in words and in Retry-After", async () => {
    for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
    const locked = await wrong();
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("1");
    expect(await errorOf(locked)).toMatchObject({ code: "too_many_attempts", message: "Too many wrong passwords from here. Try again in 1 s." });
    now += 1000;
    expect((await wrong()).status).toBe(401);
    const longer = await wrong();
    expect(longer.headers.get("retry-after")).toBe("2");
    expect((await errorOf(longer)).message).toBe("Too many wrong passwords from here. Try again in 2 s.");
  });
});

/** A sign-in whose body has not arrived yet: the attempt is counted when the request starts. */
function heldSignIn(url: string): { release(): Promise<number> } {
  const target = new URL("/api/session", url);
  const body = JSON.stringify({ name: "Ana", password: TEST_PASSWORD });
  const req = request({ hostname: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": body.length } });
  const status = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  req.flushHeaders();
  return {
    release() {
      req.end(body);
      return status;
    },
  };
}

describe("sign-ins already being checked", () => {
  const h = harnessAround(() => startPasswordHarness());

  it("refuses a third at once from one client, saying why", async () => {
    const first = heldSignIn(h.url);
    const second = heldSignIn(h.url);
    // Both have started once the studio answers anything after them.
    await fetch(`${h.url}/api/health`);
    const third = await signIn(h);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("1");
    expect((await errorOf(third)).message).toBe("A sign-in from here is already being checked. Try again in 1 s.");
    expect(await first.release()).toBe(200);
    expect(await second.release()).toBe(200);
  });
});

describe("a studio without sign-in", () => {
  it("says why a password sign-in does not apply, in each mode", async () => {
    for (const [overrides, message] of [
      [{}, "This studio needs no sign-in."],
      [{ AUTH_MODE: "proxy", TRUSTED_PROXIES: "127.0.0.1, ::1" }, "Sign in (and out) through the studio's sign-in proxy."],
    ] as const) {
      const h = await startHarness(overrides);
      try {
        const answer = await postJson(h.url, "/api/session", { name: "Ana", password: TEST_PASSWORD });
        expect(answer.status).toBe(409);
        expect((await errorOf(answer)).message).toBe(message);
      } finally {
        await h.stop();
      }
    }
  });
});
