import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { normaliseUserName } from "./auth-config";

/** The user header's name as the proxy set it, or why it can't be believed. */
export type ProxyUser = { name: string } | { refused: string } | null;

/**
 * Reads the sign-in proxy's user header. Node joins a repeated header into one value with
 * ", ", so a client that adds its own copy ahead of the proxy's would become
 * "evil@x, alice@studio"; a repeated header or one holding a comma is refused instead.
 */
export function readProxyUser(c: Context, header: string): ProxyUser {
  const raw = (c.env as Partial<HttpBindings> | undefined)?.incoming?.rawHeaders;
  if (raw) {
    let copies = 0;
    for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === header) copies++;
    if (copies > 1) return { refused: `The sign-in proxy sent ${header} ${copies} times; it must send exactly one user. Configure the proxy to replace, not append, that header.` };
  }
  const value = c.req.header(header);
  if (value === undefined) return null;
  if (value.includes(",")) return { refused: `The ${header} header holds a list; it must name exactly one user.` };
  const name = normaliseUserName(value);
  return name && name.length <= 254 ? { name } : null;
}
