import { Suspense, lazy, useEffect, useId, useImperativeHandle, useRef } from "react";
import type { Ref } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { ModelCapability } from "@/shared/models";
import { Button } from "@/components/ui/button";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { useFrameField } from "../hooks/use-frame-field";
import { readTransfer } from "../utils/frame-transfer";
import type { FrameTransfer } from "../utils/frame-transfer";
import type { FormValues, FrameName } from "../utils/form-values";
import type { UrlChecks } from "../utils/url-checks";
import { FrameSource } from "./frame-source";
import { FrameUploadProgress } from "./frame-upload-progress";
import { UploadFramePreview, UrlFramePreview } from "./frame-value-preview";

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
  /** The form's record of what loading each pasted address showed, read at submit. */
  urlChecks: UrlChecks;
  optional?: boolean;
  /** Why a frame held here will not be sent (a model that takes no last frame). */
  unsentReason?: string | undefined;
  ref?: Ref<FrameFieldHandle>;
};

/**
 * One frame. The form holds `{uploadId}` or `{url}`, and the preview is drawn from that value
 * alone, so other features may set it.
 */
export function FrameField({ name, label, model, urlChecks, optional = false, unsentReason, ref }: FrameFieldProps) {
  const frame = useFrameField({ name, optional, urlChecks });
  const { setValue, formState } = useFormContext<FormValues>();
  const ratio = useWatch<FormValues, "ratio">({ name: "ratio" });
  const id = useId();
  const rootRef = useRef<HTMLFieldSetElement>(null);
  const { value, error } = frame;
  const errorId = `${id}-error`;
  const unsentId = `${id}-unsent`;

  function chooseRatio(next: string) {
    setValue("ratio", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }

  // A submit without the frame lands here: the slot's control takes focus (it is described by the
  // message), and the whole slot, message included, scrolls into view.
  const focusSlot = () => {
    rootRef.current?.querySelector<HTMLElement>("input[type=file], input[type=url]")?.focus({ preventScroll: true });
    rootRef.current?.scrollIntoView?.({ block: "center" });
  };
  const registerFocus = frame.focusRef;
  useEffect(() => registerFocus({ focus: focusSlot }));

  useImperativeHandle(ref, () => ({
    take: frame.take,
    contains: (node) => rootRef.current?.contains(node) ?? false,
    isEmpty: frame.isEmpty,
  }));

  const shared = { alt: `${label} preview`, model, ratio, dimmed: unsentReason !== undefined, onUseRatio: chooseRatio };
  return (
    <fieldset
      ref={rootRef}
      aria-describedby={describedBy(unsentReason && unsentId)}
      className={`relative min-w-0 space-y-3 rounded-xl transition-shadow ${frame.dragging ? "ring-2 ring-accent-500 ring-offset-4 dark:ring-offset-zinc-900" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        frame.dragEntered();
      }}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) frame.dragLeft();
      }}
      onDrop={(event) => {
        event.preventDefault();
        frame.dragLeft();
        frame.take(readTransfer(event.dataTransfer));
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
        mode={frame.mode}
        onMode={frame.chooseMode}
        address={frame.address}
        onAddress={frame.typeAddress}
        onAddressBlur={frame.onAddressBlur}
        onFile={(file) => void frame.takeFile(file)}
        onLibrary={frame.openLibrary}
        dragging={frame.dragging}
        invalid={Boolean(error)}
        describedBy={describedBy(error && errorId)}
      />
      <FieldMessage id={errorId} message={error} />
      {unsentReason && (
        <p id={unsentId} className="rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          {unsentReason}
        </p>
      )}
      {frame.uploading && <FrameUploadProgress label={label} fraction={frame.progress} onCancel={frame.cancelUpload} />}
      {value && "uploadId" in value && <UploadFramePreview uploadId={value.uploadId} {...shared} />}
      {value && "url" in value && !frame.urlProblem && <UrlFramePreview url={value.url} check={frame.check} onChecked={frame.checked} {...shared} />}
      {value && (
        <Button size="sm" variant="ghost" onClick={frame.clear}>
          Remove {label.toLowerCase()}
        </Button>
      )}
      {frame.libraryOpen && (
        <Suspense fallback={null}>
          <FrameLibraryDialog label={label} onPick={frame.pick} onClose={frame.closeLibrary} />
        </Suspense>
      )}
    </fieldset>
  );
}
