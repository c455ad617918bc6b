import { expect, it } from "vitest";
import { parseEnv } from "../env";

const media = (env: Record<string, string>) => {
  const { MEDIA_STORE, S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE, MEDIA_REDIRECT, MEDIA_PRESIGN_SECONDS } = parseEnv(env);
  return { MEDIA_STORE, S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE, MEDIA_REDIRECT, MEDIA_PRESIGN_SECONDS };
};
const refusal = (env: Record<string, string>) => {
  try {
    parseEnv(env);
    return null;
  } catch (error) {
    return (error as Error).message.split("\n").slice(1).join("\n").trim();
  }
};

it("keeps media in the data folder by default, served through the studio", () => {
  const local = { MEDIA_STORE: { kind: "local" }, S3_ENDPOINT: undefined, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: undefined, MEDIA_REDIRECT: "proxy", MEDIA_PRESIGN_SECONDS: 300 };
  expect(media({})).toEqual(local);
  expect(media({ MEDIA_STORE: "", MEDIA_REDIRECT: "", MEDIA_PRESIGN_SECONDS: "" })).toEqual(local);
  expect(media({ MEDIA_STORE: "local" })).toEqual(local);
});

it("reads a bucket and its prefix (as a folder), and the store's settings", () => {
  expect(
    media({ MEDIA_STORE: "s3://studio-media/dailies//main/", S3_ENDPOINT: "http://127.0.0.1:9000/", S3_REGION: "eu-west-1", S3_FORCE_PATH_STYLE: "false", MEDIA_REDIRECT: "presigned", MEDIA_PRESIGN_SECONDS: "60" }),
  ).toEqual({
    MEDIA_STORE: { kind: "s3", bucket: "studio-media", prefix: "dailies/main/" },
    S3_ENDPOINT: "http://127.0.0.1:9000",
    S3_REGION: "eu-west-1",
    S3_FORCE_PATH_STYLE: false,
    MEDIA_REDIRECT: "presigned",
    MEDIA_PRESIGN_SECONDS: 60,
  });
  expect(media({ MEDIA_STORE: "s3://studio-media" }).MEDIA_STORE).toEqual({ kind: "s3", bucket: "studio-media", prefix: "" });
});

it("refuses bad values, naming the setting and what it takes", () => {
  expect(refusal({ MEDIA_STORE: "/srv/media" })).toBe('MEDIA_STORE: MEDIA_STORE must be "local" (or unset) for the data folder, or s3://bucket/optional/prefix (got "/srv/media")');
  expect(refusal({ MEDIA_STORE: "s3://My_Bucket/x" })).toMatch(/^MEDIA_STORE: "My_Bucket" is not a bucket name: 3 to 63 lower-case letters/);
  expect(refusal({ MEDIA_STORE: "s3://media/../up" })).toBe(`MEDIA_STORE: MEDIA_STORE's prefix can't hold "." or ".." (got "s3://media/../up")`);
  expect(refusal({ S3_ENDPOINT: "minio:9000" })).toBe("S3_ENDPOINT: must start with http:// or https://");
  expect(refusal({ S3_FORCE_PATH_STYLE: "yes" })).toBe('S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be "true" or "false"');
  expect(refusal({ MEDIA_STORE: "s3://media", MEDIA_REDIRECT: "direct" })).toBe('MEDIA_REDIRECT: MEDIA_REDIRECT must be "proxy" or "presigned"');
  expect(refusal({ MEDIA_REDIRECT: "presigned" })).toMatch(/^MEDIA_REDIRECT: MEDIA_REDIRECT=presigned needs media on S3/);
  expect(refusal({ MEDIA_STORE: "s3://media", MEDIA_PRESIGN_SECONDS: "a minute" })).toBe("MEDIA_PRESIGN_SECONDS: MEDIA_PRESIGN_SECONDS must be a whole number of seconds");
  expect(refusal({ MEDIA_STORE: "s3://media", MEDIA_PRESIGN_SECONDS: "999999" })).toBe("MEDIA_PRESIGN_SECONDS: MEDIA_PRESIGN_SECONDS can be at most 604800 (7 days, S3's limit)");
  expect(refusal({ MEDIA_STORE: "s3://media", AWS_ACCESS_KEY_ID: "key" })).toMatch(/^AWS_SECRET_ACCESS_KEY: set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither/);
});
