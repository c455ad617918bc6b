import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { afterAll, expect, it } from "vitest";
import { zipStream } from "./zip-stream";

const dir = mkdtempSync(join(tmpdir(), "dailies-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const read = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

it("streams the zip zipSync made in memory, byte for byte, at the length it announced", async () => {
  const video = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251)); // more than one read of the file
  const json = new TextEncoder().encode(`${JSON.stringify({ id: "t1", prompt: "fog ".repeat(50) }, null, 2)}\n`);
  const mtime = new Date(2030, 0, 1, 12, 34, 57);
  const entries = [
    { name: "2030-01-01-gen4_turbo-café.mp4", path: file("video.mp4", video) },
    { name: "take.json", bytes: json },
    { name: "empty.jpg", path: file("empty.jpg", Buffer.alloc(0)) },
  ];
  const { bytes, stream } = await zipStream(entries, mtime);
  const zip = await read(stream);
  expect(zip.length).toBe(bytes);
  const inMemory = zipSync({ "2030-01-01-gen4_turbo-café.mp4": [video, { level: 0 }], "take.json": json, "empty.jpg": [new Uint8Array(0), { level: 0 }] }, { mtime });
  expect(Buffer.from(zip).equals(Buffer.from(inMemory))).toBe(true);
  expect(Object.keys(unzipSync(zip))).toEqual(entries.map((entry) => entry.name));
});

it("refuses before sending anything when a file is missing, and ends the stream when one changes meanwhile", async () => {
  await expect(zipStream([{ name: "gone.mp4", path: join(dir, "gone.mp4") }], new Date())).rejects.toThrow(/ENOENT/);
  const path = file("changes.mp4", Buffer.alloc(10, 1));
  const { stream } = await zipStream([{ name: "changes.mp4", path }], new Date());
  writeFileSync(path, Buffer.alloc(10, 2));
  await expect(read(stream)).rejects.toThrow(/changes\.mp4 changed while it was zipped/);
});
