import { describe, expect, it } from "vitest";
import { isPasswordHash } from "./password-hash";
import { decodeSessionCookie, encodeSessionCookie, newSessionId } from "./session-cookie";

const secret = Buffer.from("s".repeat(32));

describe("decodeSessionCookie refuses anything but an id this studio signed", () => {
  const id = newSessionId();
  const value = encodeSessionCookie(secret, id);
  const signature = value.split(".")[1]!;

  it("reads the id of a good cookie, 43 base64url characters", () => {
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeSessionCookie(secret, value)).toBe(id);
  });

  it.each([
    ["no cookie", undefined],
    ["an empty cookie", ""],
    ["no signature", id],
    ["an empty id", `.${signature}`],
    ["a third part", `${value}.x`],
    ["a truncated signature", `${id}.${signature.slice(0, -1)}`],
    ["a signature of another id", `${newSessionId()}.${signature}`],
  ])("%s", (_label, cookie) => {
    expect(decodeSessionCookie(secret, cookie)).toBeNull();
  });

  it.each([
    ["too short", "abc"],
    ["too long", `${id}A`],
    ["with a character before it", `*${id}`],
    ["with a character after it", `${id}*`],
  ])("an id %s, even when correctly signed", (_label, odd) => {
    expect(decodeSessionCookie(secret, encodeSessionCookie(secret, odd))).toBeNull();
  });
});

describe("isPasswordHash", () => {
  const hash = "scrypt$32768$8$1$c2FsdA==$aGFzaA==";
  it("knows the format and nothing around it", () => {
    expect(isPasswordHash(hash)).toBe(true);
    expect(isPasswordHash(`x${hash}`)).toBe(false);
    expect(isPasswordHash(`${hash}$`)).toBe(false);
    expect(isPasswordHash(`${hash} `)).toBe(false);
    expect(isPasswordHash("scrypt$32768$8$1$c2FsdA==")).toBe(false);
  });
});
