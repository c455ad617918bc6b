import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { MediaKind, MediaStore } from "../media/media-store";

/** Every kind a store keeps (uploads hold their thumbnails and upstream copies); the compiler says when one is added. */
const KINDS = Object.keys({ uploads: true, videos: true, posters: true, reels: true } satisfies Record<MediaKind, true>) as MediaKind[];

/** Files in flight at once: enough to hide a bucket's round trips, few enough for a small machine. */
const LANES = 4;

export type MediaReport = {
  files: number;
  copied: number;
  /** Already in the target with the same bytes. */
  present: number;
  /** In the target with other bytes, and copied over: the source is the studio being moved. */
  replaced: number;
  /** `kind/name` of files whose copy doesn't read back with the source's SHA-256. */
  mismatched: string[];
};

type Digest = { bytes: number; sha256: string };

/**
 * Copies every stored file from one media store to another, each read back afterwards: a file
 * counts only once the target serves the source's SHA-256. A file already there with the same
 * size and checksum is skipped, so a second run moves nothing.
 */
export async function copyMedia(from: MediaStore, to: MediaStore): Promise<MediaReport> {
  const report: MediaReport = { files: 0, copied: 0, present: 0, replaced: 0, mismatched: [] };
  for (const kind of KINDS) {
    const names = await from.list(kind);
    const there = new Set(await to.list(kind));
    report.files += names.length;
    await inLanes(names, async (name) => {
      const local = await from.localCopy(kind, name);
      try {
        const want = await digestOf(createReadStream(local.path));
        const had = there.has(name) ? await storedDigest(to, kind, name, want) : null;
        if (had?.sha256 === want.sha256) {
          report.present++;
          return;
        }
        // moveIn takes its file away: it gets a scratch copy, never the source's own.
        const temp = to.tempPath();
        try {
          await copyFile(local.path, temp);
          await to.moveIn(temp, kind, name);
        } finally {
          to.removeTemp(temp);
        }
        report[there.has(name) ? "replaced" : "copied"]++;
        if ((await storedDigest(to, kind, name, want))?.sha256 !== want.sha256) report.mismatched.push(`${kind}/${name}`);
      } finally {
        local.release();
      }
    });
  }
  return report;
}

/** The stored file's digest as the store serves it; null when it is missing or its size already differs. */
async function storedDigest(store: MediaStore, kind: MediaKind, name: string, want: Digest): Promise<Digest | null> {
  const response = await store.serve(kind, name, { method: "GET", contentType: "application/octet-stream", range: undefined });
  if (!response.ok || Number(response.headers.get("content-length")) !== want.bytes) {
    await response.body?.cancel();
    return null;
  }
  return response.body ? digestOf(Readable.fromWeb(response.body as WebStream<Uint8Array>)) : { bytes: 0, sha256: createHash("sha256").digest("hex") };
}

async function digestOf(stream: Readable): Promise<Digest> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

async function inLanes<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(LANES, items.length) }, lane));
}
