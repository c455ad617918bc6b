import { createReadStream } from "node:fs";
import { crc32 } from "node:zlib";
import { deflateSync } from "fflate";

/** A file on disk, stored as it is (media is compressed already), or bytes made here, deflated. */
export type ZipEntry = { name: string } & ({ path: string } | { bytes: Uint8Array });

type Member = { name: Buffer; utf8: boolean; method: 0 | 8; crc: number; size: number; data: string | Uint8Array; length: number; offset: number };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** A file's chunks as read, then its CRC and length once the last chunk is out. */
async function* readCounted(path: string): AsyncGenerator<Buffer, { crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    crc = crc32(chunk as Buffer, crc);
    size += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
  return { crc, size };
}

async function fileFacts(path: string): Promise<{ crc: number; size: number }> {
  const reader = readCounted(path);
  for (;;) {
    const next = await reader.next();
    if (next.done) return next.value;
  }
}

async function member(entry: ZipEntry, offset: number): Promise<Member> {
  const name = Buffer.from(entry.name, "utf8");
  const named = { name, utf8: name.length !== entry.name.length, offset };
  if ("path" in entry) {
    const { crc, size } = await fileFacts(entry.path);
    return { ...named, method: 0, crc, size, data: entry.path, length: size };
  }
  const data = deflateSync(entry.bytes);
  return { ...named, method: 8, crc: crc32(entry.bytes), size: entry.bytes.length, data, length: data.length };
}

/** As fflate's zipSync writes it: local time, to the even second. */
function dosTime(at: Date): number {
  const year = at.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error(`A zip cannot hold the date ${at.toISOString()}.`);
  return ((year << 25) | ((at.getMonth() + 1) << 21) | (at.getDate() << 16) | (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1)) >>> 0;
}

function header(member: Member, time: number, central: boolean): Buffer {
  const out = Buffer.alloc((central ? 46 : 30) + member.name.length);
  out.writeUInt32LE(central ? CENTRAL : LOCAL, 0);
  let at = 4;
  if (central) at = out.writeUInt16LE(20, at); // made by: version 2.0, MS-DOS
  out.writeUInt16LE(20, at); // needs version 2.0
  out.writeUInt16LE(member.utf8 ? 0x0800 : 0, at + 2);
  out.writeUInt16LE(member.method, at + 4);
  out.writeUInt32LE(time, at + 6);
  out.writeUInt32LE(member.crc, at + 10);
  out.writeUInt32LE(member.length, at + 14);
  out.writeUInt32LE(member.size, at + 18);
  out.writeUInt16LE(member.name.length, at + 22);
  at += 26;
  if (central) {
    out.writeUInt32LE(member.offset, at + 10);
    at += 14;
  }
  member.name.copy(out, at);
  return out;
}

/**
 * The zip fflate's zipSync makes of these entries, byte for byte, but with each file read as
 * the client takes it, so a handoff of 40 MB frames never sits in memory whole. Each file is
 * read once ahead for its CRC (sizes and CRCs go in the local headers, which every unzipper
 * reads), so `bytes`, the exact length, is known and a missing file throws before any byte is sent.
 */
export async function zipStream(entries: readonly ZipEntry[], mtime: Date): Promise<{ bytes: number; stream: ReadableStream<Uint8Array> }> {
  const time = dosTime(mtime);
  const members: Member[] = [];
  let offset = 0;
  for (const entry of entries) {
    const next = await member(entry, offset);
    members.push(next);
    offset += 30 + next.name.length + next.length;
  }
  const directory = Buffer.concat(members.map((member) => header(member, time, true)));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  const chunks = zipChunks(members, time, Buffer.concat([directory, end]));
  // Pulled one chunk at a time, so a slow client holds back the reading rather than filling a
  // queue. (ReadableStream.from would do the same, but the DOM types the server compiles with lack it.)
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
  return { bytes: offset + directory.length + end.length, stream };
}

async function* zipChunks(members: Member[], time: number, tail: Buffer): AsyncGenerator<Uint8Array, void> {
  for (const member of members) {
    yield header(member, time, false);
    if (typeof member.data !== "string") {
      yield member.data;
      continue;
    }
    const { crc, size } = yield* readCounted(member.data);
    // The header went out with the first read's facts: a file that changed since ends the reply rather than sending a corrupt zip.
    if (crc !== member.crc || size !== member.size) throw new Error(`${member.name.toString()} changed while it was zipped.`);
  }
  yield tail;
}
