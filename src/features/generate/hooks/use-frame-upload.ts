import { useRef, useState } from "react";
import type { Upload } from "@/shared/api";
import { ApiError, UploadCancelledError } from "@/lib/api-client";
import { useUploadImage } from "../api/upload-image";

/** One frame's upload: the browser's check of the file, then the upload with progress and cancel. */
export function useFrameUpload() {
  const upload = useUploadImage();
  const [progress, setProgress] = useState(0);
  const abortRef = useRef<AbortController | null>(null);
  // Each start or stop is a new attempt; a slower, older one must not land afterwards.
  const attemptRef = useRef(0);

  function stop() {
    attemptRef.current += 1;
    abortRef.current?.abort();
    abortRef.current = null;
    upload.reset();
  }

  /** Uploads a file that passes the browser's check; resolves to the refusal when it doesn't. */
  async function start(file: File, onStored: (stored: Upload) => void): Promise<string | null> {
    stop();
    const attempt = attemptRef.current;
    const { describeFileProblem } = await import("../utils/frame-sniff");
    const refusal = await describeFileProblem(file);
    if (attempt !== attemptRef.current || refusal) return attempt === attemptRef.current ? refusal : null;
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress(0);
    upload.mutate(
      { file, signal: controller.signal, onProgress: setProgress },
      {
        onSuccess: onStored,
        // Cancelling leaves the frame empty, with nothing to report.
        onError: (error) => {
          if (error instanceof UploadCancelledError) upload.reset();
        },
        onSettled: () => {
          if (abortRef.current === controller) abortRef.current = null;
        },
      },
    );
    return null;
  }

  const failure = upload.error && !(upload.error instanceof UploadCancelledError) ? upload.error : null;
  return {
    start,
    stop,
    uploading: upload.isPending,
    /** For event handlers: true from the moment a file is sent until it is stored or stopped. */
    isBusy: () => abortRef.current !== null,
    progress,
    error: failure ? (failure instanceof ApiError ? (failure.fields.file ?? failure.message) : failure.message) : null,
  };
}
