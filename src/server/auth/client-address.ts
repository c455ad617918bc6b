import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { isIP } from "node:net";
import type { TrustedProxies } from "./trusted-proxies";

/** The socket's peer: the client itself, or the proxy in front of it. */
export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Who is really asking: behind a trusted proxy, the right-most `X-Forwarded-For` hop that is
 * not itself a trusted proxy (hops to its left are whatever the client chose to send).
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const peer = remoteAddress(c);
  if (!trusted.matches(peer)) return peer;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // Our own proxy wrote this hop; garbage here is a misconfiguration, not a new client.
    if (isIP(hop) === 0) return peer;
    if (!trusted.matches(hop)) return hop;
  }
  return hops[0] ?? peer;
}

const unmapped = (address: string) => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;

/** One key per IPv4 address and per IPv6 /64 (what one host or household usually holds). */
export function throttleKey(address: string): string {
  const bare = unmapped(address);
  if (isIP(bare) !== 6) return bare;
  // Stryker disable next-line StringLiteral: split() always gives a head; a missing tail only matters with "::", which gives one
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  // Stryker disable next-line ArrayDeclaration: an extra group after "::" only shifts groups past the first four
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail ("::1.2.3.4") sits in the low 64 bits; it never affects the prefix.
  // (Only the last group can be one: "1.2.3.4::" is no address.)
  const missing = 8 - left.length - right.length - (right.at(-1)?.includes(".") ? 1 : 0);
  const groups = bare.includes("::") ? [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
