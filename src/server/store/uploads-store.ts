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
};

export type UploadsStore = ReturnType<typeof createUploadsStore>;

export function createUploadsStore(db: Db) {
  const byId = db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE id = ?");
  const byHash = db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE sha256 = ?");
  const insert = db.prepare(`
    INSERT INTO uploads (id, sha256, content_type, width, height, bytes, original_name, file_name,
      upstream_file_name, upstream_content_type, created_at)
    VALUES (@id, @sha256, @content_type, @width, @height, @bytes, @original_name, @file_name,
      @upstream_file_name, @upstream_content_type, @created_at)`);

  return {
    get: (id: string) => byId.get(id),
    findByHash: (sha256: string) => byHash.get(sha256),
    insert(row: UploadRow): UploadRow {
      insert.run(row);
      return row;
    },
  };
}

export function toUpload(row: UploadRow) {
  return {
    id: row.id,
    url: `/media/uploads/${row.id}`,
    width: row.width,
    height: row.height,
    contentType: row.content_type,
    bytes: row.bytes,
  };
}
