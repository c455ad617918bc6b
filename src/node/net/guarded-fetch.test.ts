import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeBlockedAddress } from "./address-policy";
import { guardedFetch, UrlGuardError } from "./guarded-fetch";

const FIXTURE_IP = "127.0.0.2";
let server: Server;
let port: number;
let ca: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dailies-tls-"));
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=images.test",
    "-addext", "subjectAltName=DNS:images.test,DNS:redirect.test,IP:127.0.0.2",
    "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  ], { stdio: "ignore" });
  ca = readFileSync(join(dir, "cert.pem"), "utf8");
  server = createServer({ key: readFileSync(join(dir, "key.pem")), cert: ca }, (req, res) => {
    if (req.url === "/to-loopback") return res.writeHead(302, { location: "https://127.0.0.1/secret" }).end();
    if (req.url === "/to-metadata") return res.writeHead(301, { location: "https://169.254.169.254/latest/meta-data" }).end();
    if (req.url === "/big") return res.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.alloc(5000));
    res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from("PNGDATA"));
  });
  await new Promise<void>((resolve) => server.listen(0, FIXTURE_IP, resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Only the local fixture is let through; everything else uses the real policy.
const testPolicy = (address: string) => (address === FIXTURE_IP ? null : describeBlockedAddress(address));
const resolveTest = async (host: string) => (host.endsWith(".test") ? [{ address: FIXTURE_IP, family: 4 }] : [{ address: "127.0.0.1", family: 4 }]);
const base = () => ({ maxBytes: 1000, timeoutMs: 3000, ca, isBlocked: testPolicy, resolve: resolveTest });

describe("describeBlockedAddress", () => {
  it.each(["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"])(
    "blocks %s",
    (address) => {
      expect(describeBlockedAddress(address)).not.toBeNull();
    },
  );
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("allows public %s", (address) => {
    expect(describeBlockedAddress(address)).toBeNull();
  });
});

describe("guardedFetch", () => {
  it("fetches an allowed HTTPS URL", async () => {
    const response = await guardedFetch(`https://images.test:${port}/ok.png`, base());
    expect(response).toMatchObject({ status: 200, contentType: "image/png" });
    expect(response.body.toString()).toBe("PNGDATA");
  });

  it.each([
    ["http://", "http://images.test/a.png", /Only https/],
    ["credentials", "https://user:pw@images.test/a.png", /user name or password/],
    ["127.0.0.1", "https://127.0.0.1/a.png", /loopback/],
    ["[::1]", "https://[::1]/a.png", /loopback/],
    ["10.0.0.1", "https://10.0.0.1/a.png", /private/],
    ["169.254.169.254", "https://169.254.169.254/latest/meta-data", /link-local/],
  ])("refuses %s", async (_label, url, message) => {
    await expect(guardedFetch(url, { maxBytes: 1000, timeoutMs: 2000 })).rejects.toThrow(message);
  });

  it("refuses a DNS name that resolves to loopback (checked at connect time)", async () => {
    const error = await guardedFetch("https://localhost/a.png", { maxBytes: 1000, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlGuardError);
    expect(String(error)).toMatch(/points to a private, loopback/);
  });

  it("re-checks every redirect", async () => {
    await expect(guardedFetch(`https://redirect.test:${port}/to-loopback`, base())).rejects.toThrow(/loopback/);
    await expect(guardedFetch(`https://redirect.test:${port}/to-metadata`, base())).rejects.toThrow(/link-local/);
  });

  it("caps the size", async () => {
    await expect(guardedFetch(`https://images.test:${port}/big`, base())).rejects.toThrow(/over the 1000-byte limit/);
  });
});
