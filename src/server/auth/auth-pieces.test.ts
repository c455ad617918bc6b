import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isLoopbackHost, loadAuthConfig, type AuthEnv } from "./auth-config";
import { hashPassword, verifyPassword } from "./password-hash";
import { throttleKey } from "./client-address";
import { decodeSessionCookie, encodeSessionCookie, newSessionId } from "./session-cookie";
import { createVerifyGate } from "./verify-gate";
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
  it("carry a signed random id, and refuse a forged or re-signed one", () => {
    const id = newSessionId();
    expect(id).not.toBe(newSessionId());
    const value = encodeSessionCookie(secret, id);
    expect(decodeSessionCookie(secret, value)).toBe(id);
    const [, signature] = value.split(".");
    expect(decodeSessionCookie(secret, `${newSessionId()}.${signature}`)).toBeNull();
    expect(decodeSessionCookie(Buffer.from("x".repeat(32)), value)).toBeNull();
    expect(decodeSessionCookie(secret, `${id}.`)).toBeNull();
    expect(decodeSessionCookie(secret, "garbage")).toBeNull();
  });
});

describe("verify gate", () => {
  it("runs a capped number of checks at once, queues a few, and turns the rest away", async () => {
    const gate = createVerifyGate({ concurrent: 1, queue: 1, maxWaitMs: 60_000 });
    let release!: () => void;
    const first = gate.run(() => new Promise<string>((r) => (release = () => r("first"))));
    const second = gate.run(async () => "second");
    expect(await gate.run(async () => "third")).toBeNull();
    release();
    expect(await Promise.all([first, second])).toEqual(["first", "second"]);
    expect(await gate.run(async () => "later")).toBe("later");
  });
});

describe("throttle keys", () => {
  it("are the IPv4 address, or the IPv6 /64", () => {
    expect(throttleKey("203.0.113.9")).toBe("203.0.113.9");
    expect(throttleKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(throttleKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("::1")).toBe("0:0:0:0::/64");
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
    await expect(loadAuthConfig(env({ AUTH_MODE: "password", STUDIO_PASSWORD: "hunter22!", HOST: "0.0.0.0" }))).rejects.toThrow(/needs PUBLIC_ORIGIN/);
    const config = await loadAuthConfig(env({ AUTH_MODE: "password", STUDIO_PASSWORD: "hunter22!", HOST: "0.0.0.0", ADMINS: "Ana, bo", PUBLIC_ORIGIN: ["https://dailies.example"] }));
    expect(await verifyPassword("hunter22!", config.passwordHash!)).toBe(true);
    expect([...config.admins]).toEqual(["ana", "bo"]);
  });
  it("keeps the session secret across restarts", async () => {
    const a = await loadAuthConfig(env({}));
    const b = await loadAuthConfig(env({}));
    expect(a.sessionSecret.equals(b.sessionSecret)).toBe(true);
  });
});
