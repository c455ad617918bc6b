import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { uploadSchema } from "../../shared/api";
import { openDatabase } from "../db/database";
import { harnessAround } from "../testing/harness-around";
import { postJson, startHarness, testImage, upload, waitForTerminal } from "../testing/studio-harness";

const h = harnessAround(startHarness);

/** A phone-like JPEG (or PNG): turned (orientation 6), Display P3, GPS, and camera and lens serials. */
async function phonePhoto(format: "jpeg" | "png" = "jpeg"): Promise<Buffer> {
  const photo = sharp(await testImage(1280, 720))
    .withMetadata({ orientation: 6 })
    .withIccProfile("p3")
    .withExifMerge({
      IFD0: { Make: "Phone", Model: "P1" },
      IFD2: { BodySerialNumber: "BODY-SN-4711", LensSerialNumber: "LENS-SN-0815" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    });
  return (format === "png" ? photo.png() : photo.jpeg({ quality: 90 })).toBuffer();
}

const GPS_IFD_TAG = [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])]; // the pointer to the GPS IFD, either byte order

async function expectNoLocation(bytes: Buffer, source: Buffer) {
  const meta = await sharp(bytes).metadata();
  const exif = meta.exif ?? Buffer.alloc(0);
  expect(GPS_IFD_TAG.some((tag) => exif.includes(tag))).toBe(false);
  for (const secret of ["BODY-SN-4711", "LENS-SN-0815", "Phone"]) expect(bytes.includes(secret)).toBe(false);
  expect(meta.orientation).toBe(6);
  expect(meta.icc?.equals((await sharp(source).metadata()).icc!)).toBe(true);
  // Nothing re-encoded: the pixels are the upload's own.
  expect((await sharp(bytes).raw().toBuffer()).equals(await sharp(source).raw().toBuffer())).toBe(true);
}

describe("what Dailies serves and packs carries no location or serials", () => {
  it("checks its own fixture: the upload has GPS and serials", async () => {
    const photo = await phonePhoto();
    const exif = (await sharp(photo).metadata()).exif!;
    expect(GPS_IFD_TAG.some((tag) => exif.includes(tag))).toBe(true);
    expect(photo.includes("BODY-SN-4711")).toBe(true);
  });

  it("GET /media/uploads/:id and the handoff zip's first frame keep orientation and ICC, not GPS", async () => {
    const photo = await phonePhoto();
    const stored = uploadSchema.parse(await (await upload(h.url, photo, "phone.jpg")).json());
    const served = Buffer.from(await (await fetch(`${h.url}${stored.url}`)).arrayBuffer());
    await expectNoLocation(served, photo);
    expect(stored.bytes).toBe(served.length);

    const take = (await (await postJson(h.url, "/api/generations", { model: "gen3a_turbo", prompt: "walk on", image: { uploadId: stored.id }, ratio: "9:16", duration: 5 })).json()) as { id: string };
    expect((await waitForTerminal(h.url, take.id)).status).toBe("completed");
    const zip = unzipSync(new Uint8Array(await (await fetch(`${h.url}/api/generations/${take.id}/handoff.zip`)).arrayBuffer()));
    await expectNoLocation(Buffer.from(zip["first-frame.jpg"]!), photo);
  });

  it("a PNG keeps its orientation and ICC, not its eXIf's GPS and serials", async () => {
    const photo = await phonePhoto("png");
    expect(photo.includes("BODY-SN-4711")).toBe(true);
    const stored = uploadSchema.parse(await (await upload(h.url, photo, "phone.png", "image/png")).json());
    await expectNoLocation(Buffer.from(await (await fetch(`${h.url}${stored.url}`)).arrayBuffer()), photo);
  });

  it("an original stored before the fix is cleaned the first time it is served", async () => {
    const photo = await phonePhoto();
    const stored = uploadSchema.parse(await (await upload(h.url, await testImage(1280, 720), "old.jpg")).json());
    // As an older Dailies left it: the file as uploaded, the row not marked clean.
    const db = openDatabase(join(h.dataDir, "dailies.sqlite"));
    const fileName = db.prepare<[string], { file_name: string }>("SELECT file_name FROM uploads WHERE id = ?").get(stored.id)!.file_name;
    db.prepare("UPDATE uploads SET metadata_clean = 0 WHERE id = ?").run(stored.id);
    db.close();
    writeFileSync(join(h.dataDir, "media", "uploads", fileName), photo);

    const served = Buffer.from(await (await fetch(`${h.url}${stored.url}`)).arrayBuffer());
    await expectNoLocation(served, photo);
    const listed = uploadSchema.parse(await (await fetch(`${h.url}/api/uploads/${stored.id}`)).json());
    expect(listed.bytes).toBe(served.length);
  });
});
