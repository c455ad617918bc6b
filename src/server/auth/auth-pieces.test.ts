import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isLoopbackHost, loadAuthConfig, type AuthEnv } from "./auth-config";
import { hashPassword, verifyPassword } from "./password-hash";
import { decodeSession, encodeSession } from "./session-cookie";
import { createSignInThrottle } from "./sign-in-throttle";
import { parseTrustedProxies } from "./trusted-proxies";

const dir = mkdtempSync(join(tmpdir(), "dailies-auth-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = (over: Partial<AuthEnv>): AuthEnv => ({
  HOST: "127.0.0.1",
  DATA_DIR: dir,
  SESSION_TTL_HOURS: 1,
  PROXY_USER_HEADER: "X-Forwarded-Email",
  TRUSTED_PROXIES: "",
  ADMINS: "",
  ...over,
});

describe("password hashes", () => {
  it("verify the right password only", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
    expect(await verifyPassword("correct horse", "plain-text")).toBe(false);
  });
});

describe("session cookies", () => {
  const secret = Buffer.from("s".repeat(32));
  const session = { user: "ana", issuedAt: 1000, expiresAt: 5000 };
  it("round-trip, and expire", () => {
    const value = encodeSession(secret, session);
    expect(decodeSession(secret, value, 2000)).toEqual(session);
    expect(decodeSession(secret, value, 5000)).toBeNull();
  });
  it("refuse a forged or re-signed cookie", () => {
    const value = encodeSession(secret, session);
    const [payload, signature] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "admin", i: 1000, e: 5000 })).toString("base64url");
    expect(decodeSession(secret, `${forged}.${signature}`, 2000)).toBeNull();
    expect(decodeSession(Buffer.from("x".repeat(32)), value, 2000)).toBeNull();
    expect(decodeSession(secret, `${payload}.`, 2000)).toBeNull();
    expect(decodeSession(secret, "garbage", 2000)).toBeNull();
  });
});

describe("sign-in throttle", () => {
  it("lets the first attempts through, then doubles the wait per address", () => {
    let now = 0;
    const throttle = createSignInThrottle({ freeAttempts: 3, now: () => now });
    for (let i = 0; i < 3; i++) throttle.fail("1.2.3.4");
    expect(throttle.waitMs("1.2.3.4")).toBe(1000);
    throttle.fail("1.2.3.4");
    expect(throttle.waitMs("1.2.3.4")).toBe(2000);
    expect(throttle.waitMs("5.6.7.8")).toBe(0);
    now += 2000;
    expect(throttle.waitMs("1.2.3.4")).toBe(0);
    throttle.succeed("1.2.3.4");
    throttle.fail("1.2.3.4");
    expect(throttle.waitMs("1.2.3.4")).toBe(0);
  });
});

describe("trusted proxies", () => {
  it("match addresses and ranges, IPv4-mapped too", () => {
    const list = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    expect(list.matches("127.0.0.1")).toBe(true);
    expect(list.matches("::ffff:10.2.3.4")).toBe(true);
    expect(list.matches("::1")).toBe(true);
    expect(list.matches("192.168.0.1")).toBe(false);
    expect(() => parseTrustedProxies("not-an-ip")).toThrow(/not an IP/);
  });
});

describe("auth config", () => {
  it("refuses AUTH_MODE=none off loopback, with the reason", async () => {
    expect(isLoopbackHost("127.0.0.1") && isLoopbackHost("::1") && isLoopbackHost("localhost")).toBe(true);
    await expect(loadAuthConfig(env({ HOST: "0.0.0.0" }))).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0 without sign-in.*AUTH_MODE=password/);
  });
  it("needs a password for password mode and proxies for proxy mode", async () => {
    await expect(loadAuthConfig(env({ AUTH_MODE: "password", HOST: "0.0.0.0" }))).rejects.toThrow(/STUDIO_PASSWORD_HASH/);
    await expect(loadAuthConfig(env({ AUTH_MODE: "password", STUDIO_PASSWORD_HASH: "nope" }))).rejects.toThrow(/not a hash/);
    await expect(loadAuthConfig(env({ AUTH_MODE: "proxy" }))).rejects.toThrow(/TRUSTED_PROXIES/);
    const config = await loadAuthConfig(env({ AUTH_MODE: "password", STUDIO_PASSWORD: "hunter22!", HOST: "0.0.0.0", ADMINS: "Ana, bo" }));
    expect(await verifyPassword("hunter22!", config.passwordHash!)).toBe(true);
    expect([...config.admins]).toEqual(["ana", "bo"]);
  });
  it("keeps the session secret across restarts", async () => {
    const a = await loadAuthConfig(env({}));
    const b = await loadAuthConfig(env({}));
    expect(a.sessionSecret.equals(b.sessionSecret)).toBe(true);
  });
});
