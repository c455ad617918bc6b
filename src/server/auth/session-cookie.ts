import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "dailies_session";

const sign = (secret: Buffer, id: string) => createHmac("sha256", secret).update(id).digest("base64url");

/** A fresh random session id: what the server-side session is found by. */
export const newSessionId = () => randomBytes(32).toString("base64url");

/** `<id>.<HMAC-SHA256 b64url>`: a forged or mangled cookie is refused without a lookup. */
export function encodeSessionCookie(secret: Buffer, id: string): string {
  return `${id}.${sign(secret, id)}`;
}

/** The session id in a cookie value, or null when it is forged or malformed. */
export function decodeSessionCookie(secret: Buffer, value: string | undefined): string | null {
  if (!value) return null;
  const [id, signature, extra] = value.split(".");
  if (!id || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const expected = Buffer.from(sign(secret, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
