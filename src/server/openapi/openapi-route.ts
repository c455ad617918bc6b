import { createHash } from "node:crypto";
import type { Context } from "hono";
import { buildOpenApiDocument } from "./openapi-document";

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");

/** `GET /api/openapi.json`: built once; `no-cache` with an ETag, so a client revalidates cheaply and sees a new release at once. */
export function openApiRoute() {
  let served: { body: string; etag: string } | null = null;
  return (c: Context) => {
    served ??= (() => {
      const body = JSON.stringify(buildOpenApiDocument());
      return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
    })();
    c.header("etag", served.etag);
    c.header("cache-control", "public, no-cache");
    if (matches(c.req.header("if-none-match"), served.etag)) return c.body(null, 304);
    c.header("content-type", "application/json; charset=UTF-8");
    return c.body(served.body);
  };
}
