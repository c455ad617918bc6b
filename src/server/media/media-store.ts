export type MediaKind = "uploads" | "videos" | "posters" | "reels";

/** How a stored file is asked for: the route has already checked who may see it. */
export type ServeRequest = {
  contentType: string;
  /** The request's Range header, passed on as it came. */
  range: string | undefined;
  method: string;
  /** A Content-Disposition value when the file is downloaded under a name. */
  disposition?: string | undefined;
};

/** A stored file as a local path for ffmpeg or sharp; `release` removes the copy, if one was made. */
export type LocalCopy = { path: string; release(): void };

/**
 * Where the studio keeps its media: the data folder (createMediaDir, the default) or an
 * S3-compatible bucket (createS3MediaStore). Files are named only by ids the BFF made itself.
 * Work in progress (downloads, ffmpeg's and sharp's files) always stays in a local scratch
 * folder; a file is moved in under its real name only once it is whole and checked.
 */
export type MediaStore = {
  /** The local scratch folder; the start-up sweep clears what a crash left there. */
  readonly tempDir: string;
  /**
   * Whether the stored files outlive this studio's database (a bucket): the start-up sweep then
   * removes only files of takes the ledger says were deleted, never files it merely doesn't know
   * (a restored backup, a recreated volume, another studio on the same bucket).
   */
  readonly shared: boolean;
  /** A fresh path in the scratch folder. */
  tempPath(): string;
  /** Removes a scratch file (it may be missing). */
  removeTemp(path: string): void;
  /** Removes scratch files (and a bucket's temporary keys) last changed before `before`, which a crash left; says how many. */
  removeStaleTemps(before: number): Promise<number>;
  /** Keeps a finished scratch file under its real name; the scratch file is gone afterwards. */
  moveIn(localPath: string, kind: MediaKind, name: string): Promise<void>;
  writeAtomic(kind: MediaKind, name: string, bytes: Buffer): Promise<void>;
  /** Removes a stored file (it may be missing). */
  remove(kind: MediaKind, name: string): Promise<void>;
  localCopy(kind: MediaKind, name: string): Promise<LocalCopy>;
  /** The names stored under a kind. */
  list(kind: MediaKind): Promise<string[]>;
  /** Answers a GET or HEAD for a stored file, with Range, as the store serves it. */
  serve(kind: MediaKind, name: string, request: ServeRequest): Promise<Response>;
  /** Checks the store beyond the scratch folder (which readiness writes to itself); rejects with a message fit for anyone. */
  probe(): Promise<void>;
};
