import type { Sql } from "../db/sql";
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

const INSERT = `
  INSERT INTO uploads (id, sha256, content_type, width, height, bytes, original_name, file_name,
    upstream_file_name, upstream_content_type, created_at, author, metadata_clean)
  VALUES (@id, @sha256, @content_type, @width, @height, @bytes, @original_name, @file_name,
    @upstream_file_name, @upstream_content_type, @created_at, @author, @metadata_clean)`;
const FRAME_OF = "SELECT uploads.* FROM last_frames JOIN uploads ON uploads.id = last_frames.upload_id WHERE last_frames.generation_id = ?";
// Only a take that still exists: a deleted one's frame stays in the library as a plain image.
const FRAME_TAKE =
  "SELECT generation_id FROM last_frames JOIN generations ON generations.id = last_frames.generation_id WHERE upload_id = ? ORDER BY last_frames.rowid DESC LIMIT 1";

export function createUploadsStore(sql: Sql) {
  const one = async (text: string, params: unknown[]) => orNone(await sql.get<UploadRow>(text, params));
  return {
    get: (id: string) => one("SELECT * FROM uploads WHERE id = ?", [id]),
    /** Newest first, keyset-paged on rowid (a real column on Postgres, see postgres-migrations.ts). */
    async list(limit: number, cursor: number | null): Promise<{ uploads: UploadRecord[]; nextCursor: number | null }> {
      const rows =
        cursor === null
          ? await sql.all<UploadRow & { rowid: number }>("SELECT rowid, * FROM uploads ORDER BY rowid DESC LIMIT ?", [limit + 1])
          : await sql.all<UploadRow & { rowid: number }>("SELECT rowid, * FROM uploads WHERE rowid < ? ORDER BY rowid DESC LIMIT ?", [cursor, limit + 1]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { uploads: page.map(toRecord), nextCursor: rows.length > limit && last ? last.rowid : null };
    },
    findByHash: (sha256: string) => one("SELECT * FROM uploads WHERE sha256 = ?", [sha256]),
    async insert(upload: UploadRecord): Promise<UploadRecord> {
      await sql.run(INSERT, {
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
    listUnclean: async () => (await sql.all<UploadRow>("SELECT * FROM uploads WHERE metadata_clean = 0")).map(toRecord),
    async markClean(id: string, bytes: number): Promise<void> {
      await sql.run("UPDATE uploads SET metadata_clean = 1, bytes = ? WHERE id = ?", [bytes, id]);
    },
    /** The library image a take's last frame became, so it is extracted once. */
    lastFrameOf: (generationId: string) => one(FRAME_OF, [generationId]),
    /** The take whose last frame this upload is (the latest, should two takes end alike). */
    takeEndingIn: async (uploadId: string) => (await sql.get<{ generation_id: string }>(FRAME_TAKE, [uploadId]))?.generation_id,
    /** Replaced, not updated: the row is new, so it is the latest of the upload's takes (FRAME_TAKE). */
    async rememberLastFrame(generationId: string, uploadId: string): Promise<void> {
      await sql.transaction(async (tx) => {
        await tx.run("DELETE FROM last_frames WHERE generation_id = ?", [generationId]);
        await tx.run("INSERT INTO last_frames (generation_id, upload_id) VALUES (?, ?)", [generationId, uploadId]);
      });
    },
  };
}
