import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, expect, it } from "vitest";
import { zipStream } from "./zip-stream";

const dir = mkdtempSync(join(tmpdir(), "dailies-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const read = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

it("streams stored files and made bytes as one zip of the length it announced", async () => {
  const video = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251)); // more than one read of the file
  const entries = [
    { name: "2030-01-01-gen4_turbo-café.mp4", path: file("video.mp4", video) },
    { name: "take.json", bytes: new TextEncoder().encode('{"id":"t1"}\n') },
    { name: "empty.jpg", path: file("empty.jpg", Buffer.alloc(0)) },
  ];
  const { bytes, stream } = zipStream(entries, new Date(Date.UTC(2030, 0, 1)));
  const zip = await read(stream);
  expect(zip.length).toBe(bytes);
  const files = unzipSync(zip);
  expect(Object.keys(files)).toEqual(entries.map((entry) => entry.name));
  expect(Buffer.from(files["2030-01-01-gen4_turbo-café.mp4"]!)).toEqual(video);
  expect(new TextDecoder().decode(files["take.json"])).toBe('{"id":"t1"}\n');
  expect(files["empty.jpg"]).toHaveLength(0);
});

it("refuses before sending anything when a file is missing, and ends the stream when one changes meanwhile", async () => {
  expect(() => zipStream([{ name: "gone.mp4", path: join(dir, "gone.mp4") }], new Date())).toThrow(/ENOENT/);
  const path = file("grows.mp4", Buffer.alloc(10));
  const { stream } = zipStream([{ name: "grows.mp4", path }], new Date());
  writeFileSync(path, Buffer.alloc(20));
  await expect(read(stream)).rejects.toThrow(/grows\.mp4 changed while it was zipped \(10 → 20 bytes\)/);
});
