import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

// s3rver's fixed keys: it checks every request's signature against them.
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** The operator's notice that later SDK releases need Node 22 says nothing to a test run. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** The settings that point a studio's media at this bucket under `prefix`. */
  studioEnv(prefix: string, extra?: Record<string, string>): Record<string, string>;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  /** Empties and deletes the bucket, as an operator's mistake would. */
  deleteBucket(): Promise<void>;
  stop(): Promise<void>;
};

/** The settings that point a studio's media at an s3rver bucket under `prefix`. */
export const s3rverStudioEnv = (endpoint: string, bucket: string, prefix: string): Record<string, string> => ({
  MEDIA_STORE: `s3://${bucket}/${prefix}`,
  S3_ENDPOINT: endpoint,
  AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
});

/** An S3-compatible server (s3rver) on a loopback port, with one empty bucket, its files in a temporary folder. */
export async function startS3Server(bucket = "dailies-test"): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), "dailies-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  // s3rver removes a folder a delete leaves empty, so a put into it at that moment (two studios
  // archiving at once under tmp/) dies with an unhandled ENOENT. S3 has no folders: keep them.
  server.store.deleteObject = async (from, key) => {
    const files = (["object", "object.md5", "metadata.json"] as const).map((kind) => server.store.getResourcePath(from, key, kind));
    await Promise.all(files.map((file) => rm(file, { force: true })));
  };
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: CREDENTIALS });
  const keys = async () => {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    return (page.Contents ?? []).map((object) => object.Key!).sort();
  };
  return {
    endpoint,
    bucket,
    studioEnv: (prefix, extra = {}) => ({ ...s3rverStudioEnv(endpoint, bucket, prefix), ...extra }),
    keys,
    async deleteBucket() {
      for (const key of await keys()) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    },
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
