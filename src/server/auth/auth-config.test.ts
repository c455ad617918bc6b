import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isLoopbackHost, loadAuthConfig, normaliseUserName, type AuthEnv } from "./auth-config";
import { throttleKey } from "./client-address";
import { parseTrustedProxies } from "./trusted-proxies";

const root = mkdtempSync(join(tmpdir(), "dailies-auth-config-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const env = (over: Partial<AuthEnv> = {}): AuthEnv => ({
  HOST: "127.0.0.1",
  DATA_DIR: join(root, `studio-${++folders}`),
  SESSION_TTL_HOURS: 2,
  PROXY_USER_HEADER: "X-Forwarded-Email",
  TRUSTED_PROXIES: "",
  ADMINS: "",
  ...over,
});

describe("loopback hosts", () => {
  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["128.0.0.1", false],
    ["10.127.0.1", false],
    ["::", false],
    ["[::2]", false],
    ["localhost.example.com", false],
    ["127.example.com", false],
  ])("%s → %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("loadAuthConfig", () => {
  it("runs without sign-in on loopback by default, with the session lifetimes in milliseconds", async () => {
    const config = await loadAuthConfig(env({ SESSION_TTL_HOURS: 3 }));
    expect(config).toMatchObject({ mode: "none", passwordHash: null, sessionTtlMs: 3 * 3_600_000, sessionIdleMs: 12 * 3_600_000, publicOrigins: [] });
    expect((await loadAuthConfig(env({ SESSION_IDLE_HOURS: 0.5 }))).sessionIdleMs).toBe(1_800_000);
  });

  it("says exactly what to set when the studio would listen beyond loopback without sign-in", async () => {
    await expect(loadAuthConfig(env({ HOST: "0.0.0.0" }))).rejects.toThrow(
      "Refusing to listen on 0.0.0.0 without sign-in: anyone who can reach it could spend the studio's credits. " +
        "Set AUTH_MODE=password (with STUDIO_PASSWORD_HASH) or AUTH_MODE=proxy (with TRUSTED_PROXIES), or listen on 127.0.0.1.",
    );
  });

  it("asks for PUBLIC_ORIGIN beyond loopback, even with sign-in, and not on loopback", async () => {
    await expect(loadAuthConfig(env({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "10.0.0.1", HOST: "10.0.0.5" }))).rejects.toThrow(
      /^Listening on 10\.0\.0\.5 needs PUBLIC_ORIGIN: .*re-pointing its own DNS name at it\.$/,
    );
    const config = await loadAuthConfig(env({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "10.0.0.1", HOST: "10.0.0.5", PUBLIC_ORIGIN: ["https://dailies.example"] }));
    expect(config.publicOrigins).toEqual(["https://dailies.example"]);
    expect((await loadAuthConfig(env({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "10.0.0.1" }))).mode).toBe("proxy");
  });

  it("names the missing settings of password and proxy mode", async () => {
    await expect(loadAuthConfig(env({ AUTH_MODE: "password" }))).rejects.toThrow(
      "AUTH_MODE=password needs STUDIO_PASSWORD_HASH (make one with `npm run hash-password`) or STUDIO_PASSWORD.",
    );
    await expect(loadAuthConfig(env({ AUTH_MODE: "password", STUDIO_PASSWORD_HASH: "nope" }))).rejects.toThrow(
      "STUDIO_PASSWORD_HASH is not a hash from `npm run hash-password`.",
    );
    await expect(loadAuthConfig(env({ AUTH_MODE: "proxy" }))).rejects.toThrow(
      "AUTH_MODE=proxy needs TRUSTED_PROXIES: the addresses of the sign-in proxy whose user header is believed.",
    );
  });

  it("derives the same password hash at every start of one studio, and a different one in another", async () => {
    const same = env({ AUTH_MODE: "password", STUDIO_PASSWORD: "hunter22!" });
    const first = await loadAuthConfig(same);
    const again = await loadAuthConfig(same);
    const elsewhere = await loadAuthConfig(env({ AUTH_MODE: "password", STUDIO_PASSWORD: "hunter22!" }));
    expect(again.passwordHash).toBe(first.passwordHash);
    expect(again.passwordFingerprint).toBe(first.passwordFingerprint);
    expect(elsewhere.passwordHash).not.toBe(first.passwordHash);
    const other = await loadAuthConfig({ ...same, STUDIO_PASSWORD: "hunter23!" });
    expect(other.passwordFingerprint).not.toBe(first.passwordFingerprint);
    // A given hash wins over a password.
    const given = await loadAuthConfig({ ...same, STUDIO_PASSWORD_HASH: first.passwordHash!, STUDIO_PASSWORD: "ignored" });
    expect(given.passwordHash).toBe(first.passwordHash);
  });

  it("uses SESSION_SECRET when given (at least 32 characters), else one kept in the data folder, private", async () => {
    const secret = "s".repeat(32);
    const folder = env({ SESSION_SECRET: secret });
    expect((await loadAuthConfig(folder)).sessionSecret.toString()).toBe(secret);
    await expect(loadAuthConfig(env({ SESSION_SECRET: "s".repeat(31) }))).rejects.toThrow("SESSION_SECRET must be at least 32 characters.");
    const kept = env();
    const made = await loadAuthConfig(kept);
    const file = join(kept.DATA_DIR, "session-secret");
    expect(made.sessionSecret).toHaveLength(32);
    expect(readFileSync(file).equals(made.sessionSecret)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const mode = await loadAuthConfig({ ...kept, AUTH_MODE: "none" });
    expect(mode.passwordFingerprint).toBe(made.passwordFingerprint);
  });

  it("folds admin names like sign-in names, and lowercases the proxy's user header", async () => {
    const config = await loadAuthConfig(env({ ADMINS: "  Ana  Lee , ,BO,", PROXY_USER_HEADER: "X-Forwarded-Email" }));
    expect([...config.admins]).toEqual(["ana lee", "bo"]);
    expect(config.userHeader).toBe("x-forwarded-email");
    expect(normaliseUserName("\t Ana \n Lee  ")).toBe("Ana Lee");
  });
});

describe("trusted proxies", () => {
  it("read a list with spaces and empty items, and check a range's edges", () => {
    const list = parseTrustedProxies(" 10.0.0.0/24 , ,2001:db8::/32,192.0.2.7 ");
    expect(list.entries).toEqual(["10.0.0.0/24", "2001:db8::/32", "192.0.2.7"]);
    expect(["10.0.0.255", "10.0.1.0", "2001:db8:ffff::1", "2001:db9::1", "192.0.2.7", "192.0.2.8", "::ffff:192.0.2.7", "proxy"].map((a) => list.matches(a))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(parseTrustedProxies("").entries).toEqual([]);
    // IPv4-mapped IPv6, dotted or in hex, meets the IPv4 rules.
    expect(["::ffff:10.0.0.9", "::FFFF:10.0.0.9", "::ffff:a00:9", "::ffff:10.0.1.9"].map((a) => list.matches(a))).toEqual([true, true, true, false]);
  });

  it.each(["10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.0/", "10.0.0.0/8/9", "10.0.0.0/ 8", "::/129"])("refuse the prefix of %s", (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(`TRUSTED_PROXIES: "${entry}" has a bad prefix length.`);
  });

  it("accept the widest and narrowest prefixes", () => {
    expect(parseTrustedProxies("0.0.0.0/0").matches("203.0.113.1")).toBe(true);
    expect(parseTrustedProxies("203.0.113.1/32").matches("203.0.113.1")).toBe(true);
    expect(parseTrustedProxies("::1/128").matches("::1")).toBe(true);
    expect(() => parseTrustedProxies("proxy.example.com")).toThrow('TRUSTED_PROXIES: "proxy.example.com" is not an IP address or CIDR range.');
  });
});

describe("throttle keys for shortened IPv6 addresses", () => {
  it("fill the gap where it is, and keep an embedded IPv4 tail out of the prefix", () => {
    expect(throttleKey("2001:db8:1::")).toBe("2001:db8:1:0::/64");
    expect(throttleKey("::2001:db8:1:2:3:4")).toBe("0:0:2001:db8::/64");
    expect(throttleKey("2001:DB8::5")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("2001:db8:0001::1.2.3.4")).toBe("2001:db8:1:0::/64");
    expect(throttleKey("::ffff:1.2.3.4")).toBe("1.2.3.4");
    expect(throttleKey("1:2:3:4:5::1.2.3.4")).toBe("1:2:3:4::/64");
    expect(throttleKey("unknown")).toBe("unknown");
    expect(throttleKey("1::2:3:4:5:1.2.3.4")).toBe("1:0:2:3::/64");
    expect(throttleKey("1::2:3:4:5:6:7")).toBe("1:0:2:3::/64");
    expect(throttleKey("::ffff:198.51.100.23")).toBe("198.51.100.23");
    expect(throttleKey("2001:db8::ffff:1.2.3.4")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("::ffff:1.2.3.4x")).toBe("::ffff:1.2.3.4x");
  });
});
