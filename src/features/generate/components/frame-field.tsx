import { Suspense, lazy, useId, useImperativeHandle, useRef, useState } from "react";
import type { Ref } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { describeImageUrlProblem } from "@/shared/image-url";
import type { Upload } from "@/shared/api";
import type { ImageRef } from "@/shared/take";
import type { ModelCapability } from "@/shared/models";
import { Button } from "@/components/ui/button";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { rememberUpload } from "../api/get-upload";
import { FrameSource } from "./frame-source";
import type { FrameMode } from "./frame-source";
import { readTransfer } from "../utils/frame-transfer";
import type { FrameTransfer } from "../utils/frame-transfer";
import { FrameUploadProgress } from "./frame-upload-progress";
import { recordUrlCheck } from "../utils/url-checks";
import { UploadFramePreview, UrlFramePreview } from "./frame-value-preview";
import type { UrlCheck } from "./frame-value-preview";
import { frameErrorMessage } from "../utils/form-values";
import { useFrameUpload } from "../hooks/use-frame-upload";
import type { FormValues, FrameName } from "../utils/form-values";

// Most takes never open the library, so its code loads on first use.
const FrameLibraryDialog = lazy(() => import("./frame-library-dialog").then((m) => ({ default: m.FrameLibraryDialog })));

/** What the pair of frames asks of one slot: pasted images and addresses land through here. */
export type FrameFieldHandle = {
  take: (transfer: FrameTransfer) => void;
  contains: (node: Node | null) => boolean;
  isEmpty: () => boolean;
};

type FrameFieldProps = {
  name: FrameName;
  label: string;
  model: ModelCapability;
  optional?: boolean;
  /** Why a frame held here will not be sent (a model that takes no last frame). */
  unsentReason?: string | undefined;
  ref?: Ref<FrameFieldHandle>;
};

const sameImage = (a: ImageRef | null, b: ImageRef | null) =>
  a === b || (a !== null && b !== null && ("url" in a ? "url" in b && a.url === b.url : "uploadId" in b && a.uploadId === b.uploadId));

/**
 * One frame. The form holds `{uploadId}` or `{url}`, and the preview is drawn from that value
 * alone, so other features may set it. Files are checked here, then uploaded with progress.
 */
export function FrameField({ name, label, model, optional = false, unsentReason, ref }: FrameFieldProps) {
  const { field, fieldState } = useController<FormValues, FrameName>({ name });
  const { getValues, setValue, formState } = useFormContext<FormValues>();
  const ratio = useWatch<FormValues, "ratio">({ name: "ratio" });
  const queryClient = useQueryClient();
  const upload = useFrameUpload();
  const id = useId();
  const rootRef = useRef<HTMLFieldSetElement>(null);
  const empty = optional ? null : undefined;
  const value = field.value ?? null;

  const [own, setOwn] = useState<ImageRef | null>(value);
  const [mode, setMode] = useState<FrameMode>(value && "url" in value ? "url" : "upload");
  // The address as typed, while it may differ from the value (spaces, a refused image).
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [urlCheck, setUrlCheck] = useState<UrlCheck | null>(null);

  // Set from elsewhere (a take loaded into the form, a swap): start over from the new value.
  if (!sameImage(value, own)) {
    setOwn(value);
    setDraft(null);
    setProblem(null);
    if (value) setMode("url" in value ? "url" : "upload");
  }

  const address = draft ?? (value && "url" in value ? value.url : "");
  const urlProblem = mode === "url" && address.trim() !== "" ? describeImageUrlProblem(address) : null;
  const check = value && "url" in value && urlCheck?.url === value.url ? urlCheck : undefined;
  const error = problem ?? urlProblem ?? check?.problem ?? upload.error ?? frameErrorMessage(fieldState.error);
  const errorId = `${id}-error`;
  const unsentId = `${id}-unsent`;

  function write(next: ImageRef | null) {
    setOwn(next);
    field.onChange(next ?? empty);
  }

  /** Stops an upload in flight and clears the last refusal. */
  function startOver() {
    upload.stop();
    setProblem(null);
  }

  async function takeFile(file: File) {
    startOver();
    setMode("upload");
    setDraft(null);
    write(null);
    const refusal = await upload.start(file, (stored) => {
      // Something else may have filled the frame meanwhile (a take loaded into the form).
      if (getValues(name) == null) write({ uploadId: stored.id });
    });
    if (refusal) setProblem(refusal);
  }

  function takeUrl(text: string) {
    startOver();
    setMode("url");
    setDraft(text);
    write(text.trim() === "" ? null : { url: text.trim() });
  }

  function take(transfer: FrameTransfer) {
    if (transfer.kind === "file") void takeFile(transfer.file);
    else if (transfer.kind === "url") takeUrl(transfer.url);
    else if (transfer.kind === "refused") setProblem(transfer.message);
  }

  function onUrlChecked(next: UrlCheck) {
    recordUrlCheck(next.url, next.problem);
    setUrlCheck(next);
  }

  function pick(picked: Upload) {
    startOver();
    setMode("upload");
    setDraft(null);
    rememberUpload(queryClient, picked);
    write({ uploadId: picked.id });
    setLibraryOpen(false);
  }

  function chooseMode(next: FrameMode) {
    startOver();
    setDraft(null);
    write(null);
    setMode(next);
  }

  function chooseRatio(next: string) {
    setValue("ratio", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }

  useImperativeHandle(ref, () => ({
    take,
    contains: (node) => rootRef.current?.contains(node) ?? false,
    isEmpty: () => getValues(name) == null && !upload.isBusy(),
  }));

  const shared = { alt: `${label} preview`, model, ratio, dimmed: unsentReason !== undefined, onUseRatio: chooseRatio };
  return (
    <fieldset
      ref={rootRef}
      aria-describedby={describedBy(unsentReason && unsentId)}
      className={`relative min-w-0 space-y-3 rounded-xl transition-shadow ${dragging ? "ring-2 ring-accent-500 ring-offset-4 dark:ring-offset-zinc-900" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        take(readTransfer(event.dataTransfer));
      }}
    >
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}{" "}
        {(optional || unsentReason) && (
          <span className="font-normal text-zinc-500 dark:text-zinc-400">{unsentReason ? "(not sent)" : "(optional)"}</span>
        )}
      </legend>
      <FrameSource
        label={label}
        mode={mode}
        onMode={chooseMode}
        address={address}
        onAddress={takeUrl}
        onAddressBlur={field.onBlur}
        onFile={(file) => void takeFile(file)}
        onLibrary={() => setLibraryOpen(true)}
        dragging={dragging}
        invalid={Boolean(error)}
        describedBy={describedBy(error && errorId)}
      />
      <FieldMessage id={errorId} message={error} />
      {unsentReason && (
        <p id={unsentId} className="rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          {unsentReason}
        </p>
      )}
      {upload.uploading && <FrameUploadProgress label={label} fraction={upload.progress} onCancel={startOver} />}
      {value && "uploadId" in value && <UploadFramePreview uploadId={value.uploadId} {...shared} />}
      {value && "url" in value && !urlProblem && <UrlFramePreview url={value.url} check={check} onChecked={onUrlChecked} {...shared} />}
      {value && (
        <Button size="sm" variant="ghost" onClick={() => chooseMode(mode)}>
          Remove {label.toLowerCase()}
        </Button>
      )}
      {libraryOpen && (
        <Suspense fallback={null}>
          <FrameLibraryDialog label={label} onPick={pick} onClose={() => setLibraryOpen(false)} />
        </Suspense>
      )}
    </fieldset>
  );
}
