import { IMAGE_URL_MAX_LENGTH } from "@/shared/limits";

/** What a paste or a drop brings to a frame. */
export type FrameTransfer =
  | { kind: "file"; file: File }
  | { kind: "url"; url: string }
  | { kind: "refused"; message: string }
  | { kind: "none" };

/** The parts of a DataTransfer we read; test doubles and real clipboards both have them. */
type TransferLike = Pick<DataTransfer, "getData"> & { files?: ArrayLike<File> | null };

const DATA_URL_MESSAGE = "A data: URL can't be used as a frame: paste the image itself, or save it and upload the file.";

function describeLength(length: number): string {
  return length >= 1024 * 1024 ? `${(length / 1024 / 1024).toFixed(1)} MB` : `${length.toLocaleString("en-US")} characters`;
}

/**
 * Reads a clipboard or drag payload without processing more than it must: a huge text (a
 * pasted data URL can be tens of MB) is refused on its length alone.
 */
export function readTransfer(data: TransferLike): FrameTransfer {
  const file = data.files?.[0];
  if (file) return { kind: "file", file };
  const text = data.getData("text/uri-list") || data.getData("text/plain");
  if (text === "") return { kind: "none" };
  if (/^\s*data:/i.test(text.slice(0, 64))) return { kind: "refused", message: DATA_URL_MESSAGE };
  if (text.length > IMAGE_URL_MAX_LENGTH) {
    return {
      kind: "refused",
      message: `That paste is ${describeLength(text.length)} of text, not an image or an image address. Copy the image itself, or its https:// address.`,
    };
  }
  // A uri-list may hold several lines and comments; the first address is the one dragged.
  const first = text.split(/\r?\n/).find((line) => line.trim() !== "" && !line.startsWith("#"))?.trim() ?? "";
  if (/^https?:\/\//i.test(first)) return { kind: "url", url: first };
  return { kind: "none" };
}

/** True for a place where pasted text belongs to the control (prompt, seed, address). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return ["text", "url", "search", "email", "tel", "number", "password"].includes(target.type);
}

/** Whether the clipboard holds text the focused field would take (Word also adds a picture of it). */
export function hasText(data: Pick<DataTransfer, "getData">): boolean {
  return data.getData("text/plain") !== "";
}
