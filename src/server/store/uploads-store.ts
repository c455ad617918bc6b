import type { Upload } from "../../shared/api";
import type { Db } from "../db/database";

export type UploadRow = {
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
  /** 1 once the stored original has no location or serials; 0 for files kept before that. */
  metadata_clean: number;
};

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
  const rememberFrame = db.prepare<[string, string]>("INSERT OR REPLACE INTO last_frames (generation_id, upload_id) VALUES (?, ?)");

  const pageFirst = db.prepare<[number], UploadRow & { rowid: number }>("SELECT rowid, * FROM uploads ORDER BY rowid DESC LIMIT ?");
  const pageAfter = db.prepare<[number, number], UploadRow & { rowid: number }>(
    "SELECT rowid, * FROM uploads WHERE rowid < ? ORDER BY rowid DESC LIMIT ?",
  );

  return {
    get: async (id: string) => byId.get(id),
    /** Newest first, keyset-paged on rowid. */
    async list(limit: number, cursor: number | null): Promise<{ rows: UploadRow[]; nextCursor: number | null }> {
      const rows = cursor === null ? pageFirst.all(limit + 1) : pageAfter.all(cursor, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { rows: page, nextCursor: rows.length > limit && last ? last.rowid : null };
    },
    findByHash: async (sha256: string) => byHash.get(sha256),
    async insert(row: UploadRow): Promise<UploadRow> {
      insert.run(row);
      return row;
    },
    listUnclean: async () => unclean.all(),
    async markClean(id: string, bytes: number): Promise<void> {
      markClean.run(bytes, id);
    },
    /** The library image a take's last frame became, so it is extracted once. */
    lastFrameOf: async (generationId: string) => frameOf.get(generationId),
    async rememberLastFrame(generationId: string, uploadId: string): Promise<void> {
      rememberFrame.run(generationId, uploadId);
    },
  };
}

/** Thumbnails are named by the upload id alone, so no column is needed to find them. */
export const thumbFileName = (id: string) => `${id}.thumb.jpg`;

export function toUpload(row: UploadRow): Upload {
  return {
    id: row.id,
    url: `/media/uploads/${row.id}`,
    thumbUrl: `/media/uploads/${row.id}/thumb`,
    width: row.width,
    height: row.height,
    contentType: row.content_type,
    bytes: row.bytes,
    name: row.original_name,
    author: row.author,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
