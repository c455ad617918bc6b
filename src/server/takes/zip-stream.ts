import { createReadStream, statSync } from "node:fs";
import { Zip, ZipPassThrough } from "fflate";

/** One stored (uncompressed) entry: a file on disk, or bytes made here. */
export type ZipEntry = { name: string } & ({ path: string } | { bytes: Uint8Array });

// fflate's streaming Zip writes each entry as a local header (30 bytes + name), the data and a
// 16-byte data descriptor, then a central record (46 bytes + name) per entry and a 22-byte end.
const ENTRY_OVERHEAD = 30 + 16 + 46;
const END_RECORD = 22;

/**
 * A zip of stored entries whose files are read as the client takes them, so a handoff of
 * large frames never sits in memory whole; `bytes`, its exact length, is known before the
 * first byte goes out. Throws here, before any byte is sent, when a file is missing.
 */
export function zipStream(entries: readonly ZipEntry[], mtime: Date): { bytes: number; stream: ReadableStream<Uint8Array> } {
  const sizes = entries.map((entry) => ("path" in entry ? statSync(entry.path).size : entry.bytes.length));
  const bytes = entries.reduce((total, entry, i) => total + ENTRY_OVERHEAD + 2 * Buffer.byteLength(entry.name) + sizes[i]!, END_RECORD);
  const chunks = zipChunks(entries, sizes, mtime);
  // Pulled one chunk at a time, so a slow client holds back the reading rather than filling a queue.
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return { bytes, stream };
}

async function* zipChunks(entries: readonly ZipEntry[], sizes: number[], mtime: Date): AsyncGenerator<Uint8Array, void> {
  const ready: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    ready.push(chunk);
  });
  for (const [i, entry] of entries.entries()) {
    const file = new ZipPassThrough(entry.name);
    file.mtime = mtime;
    zip.add(file);
    if ("bytes" in entry) file.push(entry.bytes, true);
    else {
      for await (const chunk of createReadStream(entry.path)) {
        file.push(chunk as Buffer);
        yield* ready.splice(0);
      }
      file.push(new Uint8Array(0), true);
    }
    // The length was promised up front: a file that changed meanwhile ends the reply rather than sending a corrupt zip.
    if (file.size !== sizes[i]) throw new Error(`${entry.name} changed while it was zipped (${sizes[i]} → ${file.size} bytes).`);
    yield* ready.splice(0);
  }
  zip.end();
  yield* ready.splice(0);
}
