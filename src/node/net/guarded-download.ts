import { createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkDeclaredSize, openGuarded, UrlGuardError, type GuardOptions } from "./guarded-fetch";

export type Downloaded = { url: string; bytes: number; contentType: string | null };

/**
 * Streams a URL through the guard into `file`: never more than `maxBytes` on disk and nothing
 * in memory beyond a chunk. A non-2xx answer, a body short of its Content-Length, the size
 * cap or the time limit rejects (the caller removes the partial file).
 */
export async function guardedDownload(raw: string, file: string, options: GuardOptions): Promise<Downloaded> {
  const opened = await openGuarded(raw, options);
  const { stream } = opened;
  if (opened.status < 200 || opened.status >= 300) {
    stream.destroy();
    throw new UrlGuardError(`The address answered HTTP ${opened.status}.`);
  }
  const declared = checkDeclaredSize(stream, options.maxBytes);
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) done(new UrlGuardError(`The body is over the ${options.maxBytes}-byte limit.`));
      else done(null, chunk);
    },
  });
  const timer = setTimeout(() => stream.destroy(new UrlGuardError("The body took too long to download.")), Math.max(1, opened.deadline - Date.now()));
  try {
    await pipeline(stream, cap, createWriteStream(file));
  } catch (error) {
    throw error instanceof UrlGuardError ? error : new UrlGuardError(`The download failed (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    clearTimeout(timer);
  }
  if (declared && bytes !== declared) throw new UrlGuardError(`The download stopped at ${bytes} of ${declared} bytes.`);
  return { url: opened.url, bytes, contentType: opened.contentType };
}
