// s3rver ships no types: the little of it the tests use.
declare module "s3rver" {
  export default class S3rver {
    constructor(options: { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string }[] });
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    /** Its filesystem store: an object is files under the bucket's folder, named by `kind`. */
    store: {
      deleteObject(bucket: string, key: string): Promise<void>;
      getResourcePath(bucket: string, key: string, kind: "object" | "object.md5" | "metadata.json"): string;
    };
  }
}
