import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createScratch } from "./media-dir";
import type { MediaKind, MediaStore } from "./media-store";
import { notOnServer, planReply } from "./serve-file";

export type S3MediaSettings = {
  bucket: string;
  /** `""` or ending in `/`. */
  prefix: string;
  endpoint?: string | undefined;
  region: string;
  forcePathStyle?: boolean | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  redirect: "proxy" | "presigned";
  presignSeconds: number;
};

/** An S3 error's name (`NoSuchKey`, `AccessDenied`) and status are safe to show; its message may name the bucket or host. */
const MAX_LIST_PAGES = 10_000;

const reasonOf = (error: unknown) => {
  const { name, $metadata } = (error ?? {}) as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  const named = typeof name === "string" && /^[A-Za-z][A-Za-z0-9]{1,40}$/.test(name) ? name : "no answer";
  return $metadata?.httpStatusCode ? `${named}, HTTP ${$metadata.httpStatusCode}` : named;
};
const isMissing = (error: unknown) => {
  const { name, $metadata } = (error ?? {}) as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  return name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404;
};

/**
 * Media in an S3-compatible bucket under `<prefix><kind>/<name>`. ffmpeg, sharp and downloads
 * still work on files in the local scratch folder; a stored file they need is fetched there first.
 */
export function createS3MediaStore(dataDir: string, settings: S3MediaSettings): MediaStore {
  const { bucket: Bucket, prefix, presignSeconds } = settings;
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle ?? settings.endpoint !== undefined,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // A store that stops answering fails the request rather than holding it (and a reader) forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    // The SDK's default CRC checksums stream uploads as aws-chunked with a trailer, which many
    // S3-compatible stores don't decode (they keep the chunk framing as the object's bytes).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const scratch = createScratch(dataDir);
  const key = (kind: MediaKind, name: string) => `${prefix}${kind}/${name}`;
  const tempFolder = `${prefix}tmp/`;

  /** Every key under a folder, with when it last changed. */
  async function listUnder(folder: string): Promise<{ key: string; modified: number }[]> {
    const objects: { key: string; modified: number }[] = [];
    let ContinuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: folder, ContinuationToken }));
      // Stryker disable next-line all: a guard against a store that never stops paging
      if (++pages > MAX_LIST_PAGES) throw new Error(`listing took more than ${MAX_LIST_PAGES} pages`);
      for (const object of page.Contents ?? []) if (object.Key) objects.push({ key: object.Key, modified: object.LastModified?.getTime() ?? 0 });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return objects;
  }

  /**
   * Written under a temporary key, then copied to the real one inside the store and the
   * temporary key deleted. AWS S3 shows an object only once a PUT has received all of it, but
   * not every S3-compatible store does (some write the object's file as the bytes arrive); a
   * copy within the store is short and moves no bytes through the studio, so a real name
   * never shows half a file anywhere. A crash between the steps leaves a temporary key, which
   * the start-up sweep removes.
   */
  async function putThenCopy(kind: MediaKind, name: string, body: Buffer | Readable, length: number): Promise<void> {
    const temp = `${tempFolder}${randomBytes(8).toString("hex")}`;
    try {
      await client.send(new PutObjectCommand({ Bucket, Key: temp, Body: body, ContentLength: length }));
      const source = `${Bucket}/${encodeURIComponent(temp).replace(/%2F/g, "/")}`;
      await client.send(new CopyObjectCommand({ Bucket, Key: key(kind, name), CopySource: source }));
    } finally {
      await client.send(new DeleteObjectCommand({ Bucket, Key: temp })).catch(() => {});
    }
  }

  async function serveProxied(kind: MediaKind, name: string, request: Parameters<MediaStore["serve"]>[2]): Promise<Response> {
    let size: number;
    let etag: string | undefined;
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: key(kind, name) }));
      size = head.ContentLength ?? 0;
      etag = head.ETag;
    } catch (error) {
      if (isMissing(error)) return notOnServer();
      throw error;
    }
    // The range is read here, as the data folder reads it, and asked of the store as one exact span: both stores answer alike.
    const plan = planReply(request.contentType, size, request.range);
    if (plan instanceof Response) return plan;
    const { status, headers, start, end } = plan;
    if (request.disposition) headers.set("content-disposition", request.disposition);
    if (request.method === "HEAD" || size === 0) return new Response(null, { status, headers });
    // IfMatch: an object replaced since the HEAD (an upload cleaned in place) fails rather than mixing two versions' bytes.
    const object = await client.send(new GetObjectCommand({ Bucket, Key: key(kind, name), Range: `bytes=${start}-${end}`, IfMatch: etag }));
    return new Response(object.Body!.transformToWebStream(), { status, headers });
  }

  return {
    shared: true,
    ...scratch,
    async removeStaleTemps(before) {
      let removed = await scratch.removeStaleTemps(before);
      for (const object of await listUnder(tempFolder)) {
        if (object.modified >= before) continue;
        await client.send(new DeleteObjectCommand({ Bucket, Key: object.key }));
        // Stryker disable next-line UpdateOperator: only the count in the sweep's log line
        removed++;
      }
      return removed;
    },
    async moveIn(localPath, kind, name) {
      const { size } = await stat(localPath);
      await putThenCopy(kind, name, createReadStream(localPath), size);
      scratch.removeTemp(localPath);
    },
    async writeAtomic(kind, name, bytes) {
      await putThenCopy(kind, name, bytes, bytes.length);
    },
    async remove(kind, name) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key(kind, name) }));
    },
    async localCopy(kind, name) {
      const path = scratch.tempPath();
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key(kind, name) }));
        await pipeline(object.Body as Readable, createWriteStream(path, { mode: 0o600 }));
      } catch (error) {
        scratch.removeTemp(path);
        throw error;
      }
      return { path, release: () => scratch.removeTemp(path) };
    },
    async list(kind) {
      const folder = key(kind, "");
      return (await listUnder(folder)).map((object) => object.key.slice(folder.length)).filter((name) => name && !name.includes("/"));
    },
    async serve(kind, name, request) {
      // A presigned URL is signed for GET alone: a HEAD is answered here.
      if (settings.redirect === "proxy" || request.method === "HEAD") return serveProxied(kind, name, request);
      const command = new GetObjectCommand({
        Bucket,
        Key: key(kind, name),
        ResponseContentType: request.contentType,
        ResponseContentDisposition: request.disposition,
        ResponseCacheControl: "private, max-age=31536000, immutable",
      });
      const location = await getSignedUrl(client, command, { expiresIn: presignSeconds });
      // The address expires: the redirect itself must not be kept.
      return new Response(null, { status: 302, headers: { location, "cache-control": "private, no-store" } });
    },
    async probe() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw new Error(`the media bucket can't be used (${reasonOf(error)})`, { cause: error });
      }
    },
  };
}
