import type { Db } from "../db/database";
import type { UploadRecord } from "../images/upload-record";

/** The uploads table's row: it never leaves this file. */
type UploadRow = {
  id: string;
  sha256: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  original_name: string | null;
  file_name: string;
  upstream_file_name: string;
  upstream_content_type: string;
  created_at: number;
  author: string | null;
  metadata_clean: number;
};

function toRecord(row: UploadRow): UploadRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    contentType: row.content_type,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    originalName: row.original_name,
    fileName: row.file_name,
    upstreamFileName: row.upstream_file_name,
    upstreamContentType: row.upstream_content_type,
    createdAt: row.created_at,
    author: row.author,
    metadataClean: row.metadata_clean === 1,
  };
}

const orNone = (row: UploadRow | undefined) => (row ? toRecord(row) : undefined);

export type UploadsStore = ReturnType<typeof createUploadsStore>;

export function createUploadsStore(db: Db) {
  const byId = db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE id = ?");
  const byHash = db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE sha256 = ?");
  const insert = db.prepare(`
    INSERT INTO uploads (id, sha256, content_type, width, height, bytes, original_name, file_name,
      upstream_file_name, upstream_content_type, created_at, author, metadata_clean)
    VALUES (@id, @sha256, @content_type, @width, @height, @bytes, @original_name, @file_name,
      @upstream_file_name, @upstream_content_type, @created_at, @author, @metadata_clean)`);
  const unclean = db.prepare<[], UploadRow>("SELECT * FROM uploads WHERE metadata_clean = 0");
  const markClean = db.prepare<[number, string]>("UPDATE uploads SET metadata_clean = 1, bytes = ? WHERE id = ?");
  const frameOf = db.prepare<[string], UploadRow>(
    "SELECT uploads.* FROM last_frames JOIN uploads ON uploads.id = last_frames.upload_id WHERE last_frames.generation_id = ?",
  );
  // Only a take that still exists: a deleted one's frame stays in the library as a plain image.
  const frameTake = db.prepare<[string], { generation_id: string }>(
    "SELECT generation_id FROM last_frames JOIN generations ON generations.id = last_frames.generation_id WHERE upload_id = ? ORDER BY last_frames.rowid DESC LIMIT 1",
  );
  const rememberFrame = db.prepare<[string, string]>("INSERT OR REPLACE INTO last_frames (generation_id, upload_id) VALUES (?, ?)");

  const pageFirst = db.prepare<[number], UploadRow & { rowid: number }>("SELECT rowid, * FROM uploads ORDER BY rowid DESC LIMIT ?");
  const pageAfter = db.prepare<[number, number], UploadRow & { rowid: number }>(
    "SELECT rowid, * FROM uploads WHERE rowid < ? ORDER BY rowid DESC LIMIT ?",
  );

  return {
    get: async (id: string) => orNone(byId.get(id)),
    /** Newest first, keyset-paged on rowid. */
    async list(limit: number, cursor: number | null): Promise<{ uploads: UploadRecord[]; nextCursor: number | null }> {
      const rows = cursor === null ? pageFirst.all(limit + 1) : pageAfter.all(cursor, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { uploads: page.map(toRecord), nextCursor: rows.length > limit && last ? last.rowid : null };
    },
    findByHash: async (sha256: string) => orNone(byHash.get(sha256)),
    async insert(upload: UploadRecord): Promise<UploadRecord> {
      insert.run({
        id: upload.id,
        sha256: upload.sha256,
        content_type: upload.contentType,
        width: upload.width,
        height: upload.height,
        bytes: upload.bytes,
        original_name: upload.originalName,
        file_name: upload.fileName,
        upstream_file_name: upload.upstreamFileName,
        upstream_content_type: upload.upstreamContentType,
        created_at: upload.createdAt,
        author: upload.author,
        metadata_clean: upload.metadataClean ? 1 : 0,
      } satisfies UploadRow);
      return upload;
    },
    listUnclean: async () => unclean.all().map(toRecord),
    async markClean(id: string, bytes: number): Promise<void> {
      markClean.run(bytes, id);
    },
    /** The library image a take's last frame became, so it is extracted once. */
    lastFrameOf: async (generationId: string) => orNone(frameOf.get(generationId)),
    /** The take whose last frame this upload is (the latest, should two takes end alike). */
    takeEndingIn: async (uploadId: string) => frameTake.get(uploadId)?.generation_id,
    async rememberLastFrame(generationId: string, uploadId: string): Promise<void> {
      rememberFrame.run(generationId, uploadId);
    },
  };
}
