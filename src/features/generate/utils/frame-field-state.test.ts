import { describe, expect, it } from "vitest";
import type { ImageRef } from "@/shared/take";
import { addressOf, addressValue, adoptValue, checkOf, frameFieldReducer, initialFrameFieldState } from "./frame-field-state";
import type { FrameFieldAction, FrameFieldState } from "./frame-field-state";

const upload = (uploadId: string): ImageRef => ({ uploadId });
const url = (address: string): ImageRef => ({ url: address });
const run = (state: FrameFieldState, ...actions: FrameFieldAction[]) => actions.reduce(frameFieldReducer, state);
const empty = initialFrameFieldState(null);

describe("frame field state", () => {
  it("starts from the form's value: an address shows the address box, anything else the file picker", () => {
    expect(initialFrameFieldState(null)).toMatchObject({ held: null, mode: "upload", draft: null, refusal: null, check: null });
    expect(initialFrameFieldState(upload("up_1")).mode).toBe("upload");
    expect(initialFrameFieldState(url("https://a.example/x.jpg")).mode).toBe("url");
  });

  it("empties the frame for a chosen file, then holds the stored upload", () => {
    const typed = run(empty, { type: "address-typed", text: "https://a.example/x.jpg", value: url("https://a.example/x.jpg") });
    const choosing = run(typed, { type: "file-chosen", value: null });
    expect(choosing).toMatchObject({ held: null, mode: "upload", draft: null, refusal: null });
    expect(run(choosing, { type: "file-stored", value: upload("up_1") })).toMatchObject({ held: upload("up_1"), mode: "upload" });
  });

  it("shows a refused file or paste until the next file, address, pick or cancel", () => {
    const refused = run(empty, { type: "file-chosen", value: null }, { type: "refused", message: "This is a GIF image.", value: null });
    expect(refused.refusal).toBe("This is a GIF image.");
    expect(run(refused, { type: "file-chosen", value: null }).refusal).toBeNull();
    expect(run(refused, { type: "upload-cancelled", value: null }).refusal).toBeNull();
    expect(run(refused, { type: "picked", value: upload("up_2") }).refusal).toBeNull();
    expect(run(refused, { type: "address-typed", text: "h", value: url("h") }).refusal).toBeNull();
  });

  it("keeps an address as typed while the value holds it trimmed", () => {
    const text = "  https://a.example/x.jpg ";
    expect(addressValue(text)).toEqual(url("https://a.example/x.jpg"));
    expect(addressValue("   ")).toBeNull();
    const typed = run(empty, { type: "address-typed", text, value: addressValue(text) });
    expect(typed).toMatchObject({ mode: "url", draft: text, held: url("https://a.example/x.jpg") });
    expect(addressOf(typed)).toBe(text);
    expect(addressOf(initialFrameFieldState(url("https://b.example/y.jpg")))).toBe("https://b.example/y.jpg");
  });

  it("counts an address's check only while that address is the frame", () => {
    const held = url("https://a.example/x.jpg");
    const check = { url: "https://a.example/x.jpg", size: null, problem: "The image couldn't be loaded." };
    const checked = run(initialFrameFieldState(held), { type: "address-checked", check, value: held });
    expect(checkOf(checked)).toEqual(check);
    const moved = run(checked, { type: "address-typed", text: "https://a.example/z.jpg", value: url("https://a.example/z.jpg") });
    expect(checkOf(moved)).toBeUndefined();
    expect(checkOf(run(moved, { type: "address-typed", text: "https://a.example/x.jpg", value: held }))).toEqual(check);
  });

  it("closes the library on a pick, which holds the upload in upload mode", () => {
    const open = run(initialFrameFieldState(url("https://a.example/x.jpg")), { type: "library-opened", value: url("https://a.example/x.jpg") });
    expect(open.libraryOpen).toBe(true);
    expect(run(open, { type: "picked", value: upload("up_3") })).toMatchObject({ libraryOpen: false, mode: "upload", held: upload("up_3"), draft: null });
    expect(run(open, { type: "library-closed", value: url("https://a.example/x.jpg") }).libraryOpen).toBe(false);
  });

  it("switches mode or clears by emptying the frame and what was typed", () => {
    const typed = run(empty, { type: "address-typed", text: "https://a.example/x.jpg ", value: url("https://a.example/x.jpg") });
    expect(run(typed, { type: "mode-chosen", mode: "upload", value: null })).toMatchObject({ mode: "upload", held: null, draft: null });
    expect(run(typed, { type: "mode-chosen", mode: "url", value: null })).toMatchObject({ mode: "url", held: null, draft: null });
  });

  it("starts over for a value set from elsewhere (a loaded take, a swap), without setting anything", () => {
    const typed = run(empty, { type: "address-typed", text: " https://a.example/x.jpg", value: url("https://a.example/x.jpg") });
    const refused = run(typed, { type: "refused", message: "That paste is 20.0 MB of text.", value: url("https://a.example/x.jpg") });
    const swapped = adoptValue(refused, upload("up_1"));
    expect(swapped).toMatchObject({ held: upload("up_1"), mode: "upload", draft: null, refusal: null });
    expect(adoptValue(refused, null)).toMatchObject({ held: null, mode: "url", draft: null, refusal: null });
    expect(adoptValue(refused, url("https://a.example/x.jpg"))).toBe(refused);
  });

  it("applies an event after such a change to the adopted state, so a refusal then still shows", () => {
    const typed = run(empty, { type: "address-typed", text: "https://a.example/x.jpg", value: url("https://a.example/x.jpg") });
    const after = run(typed, { type: "refused", message: "A data: URL can't be used.", value: upload("up_9") });
    expect(after).toMatchObject({ held: upload("up_9"), mode: "upload", draft: null, refusal: "A data: URL can't be used." });
  });

  it("lights up while something is dragged over, and returns the same state when nothing changes", () => {
    const dragging = run(empty, { type: "drag-entered", value: null });
    expect(dragging.dragging).toBe(true);
    expect(run(dragging, { type: "drag-entered", value: null })).toBe(dragging);
    expect(run(dragging, { type: "drag-left", value: null }).dragging).toBe(false);
  });
});
