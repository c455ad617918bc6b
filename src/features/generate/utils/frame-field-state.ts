import type { ImageRef } from "@/shared/take";
import type { UrlCheck } from "./url-checks";

export type FrameMode = "upload" | "url";

/**
 * What one frame slot keeps beside the form's value. The value stays the form's (other parts
 * of the app set it); this is how the slot shows it and what it was told along the way.
 */
export type FrameFieldState = {
  /** The value the rest belongs to. Another one means the frame was set from elsewhere. */
  held: ImageRef | null;
  mode: FrameMode;
  /** The address as typed, while it may differ from the value (spaces, a refused image). */
  draft: string | null;
  /** Why the last file or paste was refused. */
  refusal: string | null;
  /** What loading an address showed; it counts only while that address is the value. */
  check: UrlCheck | null;
  libraryOpen: boolean;
  dragging: boolean;
};

export type FrameFieldEvent =
  | { type: "file-chosen" }
  | { type: "file-stored" }
  | { type: "address-typed"; text: string }
  | { type: "picked" }
  | { type: "mode-chosen"; mode: FrameMode }
  | { type: "refused"; message: string }
  | { type: "upload-cancelled" }
  | { type: "address-checked"; check: UrlCheck }
  | { type: "library-opened" }
  | { type: "library-closed" }
  | { type: "drag-entered" }
  | { type: "drag-left" };

/** An event, with the frame's value in the form once it has happened. */
export type FrameFieldAction = FrameFieldEvent & { value: ImageRef | null };

const modeOf = (value: ImageRef): FrameMode => ("url" in value ? "url" : "upload");

function sameImage(a: ImageRef | null, b: ImageRef | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return "url" in a ? "url" in b && a.url === b.url : "uploadId" in b && a.uploadId === b.uploadId;
}

/** The value typed into the address box: trimmed, and nothing for blank text. */
export function addressValue(text: string): ImageRef | null {
  const url = text.trim();
  return url === "" ? null : { url };
}

export function initialFrameFieldState(value: ImageRef | null): FrameFieldState {
  return { held: value, mode: value ? modeOf(value) : "upload", draft: null, refusal: null, check: null, libraryOpen: false, dragging: false };
}

/**
 * The state for `value`. A value set from elsewhere (a take loaded into the form, a swap) starts
 * the slot over: what was typed or refused belonged to the old one. Pure, so a render derives it
 * instead of setting state.
 */
export function adoptValue(state: FrameFieldState, value: ImageRef | null): FrameFieldState {
  if (sameImage(state.held, value)) return state;
  return { ...state, held: value, draft: null, refusal: null, mode: value ? modeOf(value) : state.mode };
}

/** Returns `state` itself when nothing changes, so React stops before rendering the slot's children. */
function patch(state: FrameFieldState, changes: Partial<FrameFieldState>): FrameFieldState {
  const keys = Object.keys(changes) as (keyof FrameFieldState)[];
  return keys.every((key) => Object.is(state[key], changes[key])) ? state : { ...state, ...changes };
}

export function frameFieldReducer(previous: FrameFieldState, action: FrameFieldAction): FrameFieldState {
  const state = adoptValue(previous, action.value);
  switch (action.type) {
    case "file-chosen":
      return patch(state, { mode: "upload", draft: null, refusal: null });
    case "file-stored":
      return state;
    case "address-typed":
      return patch(state, { mode: "url", draft: action.text, refusal: null });
    case "picked":
      return patch(state, { mode: "upload", draft: null, refusal: null, libraryOpen: false });
    case "mode-chosen":
      return patch(state, { mode: action.mode, draft: null, refusal: null });
    case "refused":
      return patch(state, { refusal: action.message });
    case "upload-cancelled":
      return patch(state, { refusal: null });
    case "address-checked":
      return patch(state, { check: action.check });
    case "library-opened":
    case "library-closed":
      return patch(state, { libraryOpen: action.type === "library-opened" });
    case "drag-entered":
    case "drag-left":
      return patch(state, { dragging: action.type === "drag-entered" });
  }
}

/** What the address box shows: the text as typed, else the address held. */
export function addressOf(state: FrameFieldState): string {
  return state.draft ?? (state.held && "url" in state.held ? state.held.url : "");
}

/** The check of the address held, if its image has loaded (or failed to). */
export function checkOf(state: FrameFieldState): UrlCheck | undefined {
  const { held, check } = state;
  return held && "url" in held && check?.url === held.url ? check : undefined;
}
