import { z } from "zod";

/** Where MEDIA_STORE says media goes: the data folder, or a bucket and a key prefix (`""` or ending in `/`). */
export type MediaStoreSetting = { kind: "local" } | { kind: "s3"; bucket: string; prefix: string };

const USAGE = 'MEDIA_STORE must be "local" (or unset) for the data folder, or s3://bucket/optional/prefix';

/** `MEDIA_STORE`: unset, empty or `local`; or `s3://bucket/optional/prefix`. */
export const mediaStoreSetting = z
  .string()
  .optional()
  .transform((raw, ctx): MediaStoreSetting => {
    const value = raw?.trim() ?? "";
    if (value === "" || value === "local") return { kind: "local" };
    const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: `${USAGE} (got "${value}")` });
      return z.NEVER;
    }
    const bucket = match[1]!;
    // S3's rules for bucket names: 3–63 lower-case letters, digits, dots and hyphens, a letter or digit at each end.
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      ctx.addIssue({ code: "custom", message: `"${bucket}" is not a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens (${USAGE})` });
      return z.NEVER;
    }
    const segments = (match[2] ?? "").split("/").filter(Boolean);
    if (segments.some((segment) => segment === "." || segment === "..")) {
      ctx.addIssue({ code: "custom", message: `MEDIA_STORE's prefix can't hold "." or ".." (got "${value}")` });
      return z.NEVER;
    }
    return { kind: "s3", bucket, prefix: segments.map((segment) => `${segment}/`).join("") };
  });
