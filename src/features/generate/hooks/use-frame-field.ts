import { useReducer } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useController, useFormContext } from "react-hook-form";
import { describeImageUrlProblem } from "@/shared/image-url";
import type { Upload } from "@/shared/api";
import type { ImageRef } from "@/shared/take";
import { rememberUpload } from "../api/get-upload";
import { addressOf, addressValue, adoptValue, checkOf, frameFieldReducer, initialFrameFieldState } from "../utils/frame-field-state";
import type { FrameFieldEvent, FrameMode } from "../utils/frame-field-state";
import { frameErrorMessage } from "../utils/form-values";
import type { FormValues, FrameName } from "../utils/form-values";
import type { FrameTransfer } from "../utils/frame-transfer";
import type { UrlCheck, UrlChecks } from "../utils/url-checks";
import { useFrameUpload } from "./use-frame-upload";

type FrameFieldOptions = { name: FrameName; optional: boolean; urlChecks: UrlChecks };

/**
 * One frame slot: the form's value, the slot's own state (frame-field-state) and the upload.
 * Files are checked, then uploaded with progress; addresses are checked once their image loads.
 */
export function useFrameField({ name, optional, urlChecks }: FrameFieldOptions) {
  const { field, fieldState } = useController<FormValues, FrameName>({ name });
  const { getValues } = useFormContext<FormValues>();
  const queryClient = useQueryClient();
  const upload = useFrameUpload();
  const value = field.value ?? null;
  const [state, dispatch] = useReducer(frameFieldReducer, value, initialFrameFieldState);
  const view = adoptValue(state, value);

  /** Sets the frame, then tells the slot why. */
  function write(next: ImageRef | null, event: FrameFieldEvent) {
    field.onChange(next ?? (optional ? null : undefined));
    dispatch({ ...event, value: next });
  }

  /** Tells the slot something that leaves the frame as it is. */
  function note(event: FrameFieldEvent) {
    dispatch({ ...event, value: getValues(name) ?? null });
  }

  async function takeFile(file: File) {
    write(null, { type: "file-chosen" });
    const refusal = await upload.start(file, (stored) => {
      // Something else may have filled the frame meanwhile (a take loaded into the form).
      if (getValues(name) == null) write({ uploadId: stored.id }, { type: "file-stored" });
    });
    if (refusal) note({ type: "refused", message: refusal });
  }

  function typeAddress(text: string) {
    upload.stop();
    write(addressValue(text), { type: "address-typed", text });
  }

  function chooseMode(mode: FrameMode) {
    upload.stop();
    write(null, { type: "mode-chosen", mode });
  }

  const address = addressOf(view);
  const urlProblem = view.mode === "url" && address.trim() !== "" ? describeImageUrlProblem(address) : null;
  const check = checkOf(view);
  return {
    value,
    mode: view.mode,
    address,
    urlProblem,
    check,
    error: view.refusal ?? urlProblem ?? check?.problem ?? upload.error ?? frameErrorMessage(fieldState.error),
    dragging: view.dragging,
    libraryOpen: view.libraryOpen,
    uploading: upload.uploading,
    progress: upload.progress,
    onAddressBlur: field.onBlur,
    /** Where react-hook-form sends focus when a submit finds this frame missing or wrong. */
    focusRef: field.ref,
    takeFile,
    typeAddress,
    chooseMode,
    clear: () => chooseMode(view.mode),
    take(transfer: FrameTransfer) {
      if (transfer.kind === "file") void takeFile(transfer.file);
      else if (transfer.kind === "url") typeAddress(transfer.url);
      else if (transfer.kind === "refused") note({ type: "refused", message: transfer.message });
    },
    pick(picked: Upload) {
      upload.stop();
      rememberUpload(queryClient, picked);
      write({ uploadId: picked.id }, { type: "picked" });
    },
    cancelUpload() {
      upload.stop();
      note({ type: "upload-cancelled" });
    },
    checked(next: UrlCheck) {
      urlChecks.record(next);
      note({ type: "address-checked", check: next });
    },
    openLibrary: () => note({ type: "library-opened" }),
    closeLibrary: () => note({ type: "library-closed" }),
    // dragover calls this many times a second, and a dispatch renders even when nothing changes.
    dragEntered: () => {
      if (!view.dragging) note({ type: "drag-entered" });
    },
    dragLeft: () => note({ type: "drag-left" }),
    /** For event handlers: no frame, and no file on its way. */
    isEmpty: () => getValues(name) == null && !upload.isBusy(),
  };
}
