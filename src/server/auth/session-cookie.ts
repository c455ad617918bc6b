import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "dailies_session";

export type Session = { user: string; issuedAt: number; expiresAt: number };

const sign = (secret: Buffer, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

/** `<payload b64url>.<HMAC-SHA256 b64url>`: tamper-evident, and the expiry is inside. */
export function encodeSession(secret: Buffer, session: Session): string {
  const payload = Buffer.from(JSON.stringify({ u: session.user, i: session.issuedAt, e: session.expiresAt })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** The session in a cookie value, or null when it is forged, malformed or expired. */
export function decodeSession(secret: Buffer, value: string | undefined, now = Date.now()): Session | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; i?: unknown; e?: unknown };
    if (typeof data.u !== "string" || typeof data.i !== "number" || typeof data.e !== "number") return null;
    if (data.e <= now) return null;
    return { user: data.u, issuedAt: data.i, expiresAt: data.e };
  } catch {
    return null;
  }
}
