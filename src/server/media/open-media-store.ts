import type { Env } from "../env";
import { createMediaDir } from "./media-dir";
import type { MediaStore } from "./media-store";

type MediaEnv = Pick<
  Env,
  "MEDIA_STORE" | "S3_ENDPOINT" | "S3_REGION" | "S3_FORCE_PATH_STYLE" | "AWS_ACCESS_KEY_ID" | "AWS_SECRET_ACCESS_KEY" | "MEDIA_REDIRECT" | "MEDIA_PRESIGN_SECONDS"
>;

/** The media store MEDIA_STORE names; the AWS SDK is loaded only when it names a bucket. */
export async function openMediaStore(env: MediaEnv, dataDir: string): Promise<MediaStore> {
  const setting = env.MEDIA_STORE;
  if (setting.kind === "local") return createMediaDir(dataDir);
  const { createS3MediaStore } = await import("./s3-media-store");
  return createS3MediaStore(dataDir, {
    bucket: setting.bucket,
    prefix: setting.prefix,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials: env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } : undefined,
    redirect: env.MEDIA_REDIRECT,
    presignSeconds: env.MEDIA_PRESIGN_SECONDS,
  });
}
