import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useIsMutating } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";
import { MODEL_LIST } from "@/shared/models";
import type { ModelCapability } from "@/shared/models";
import { Button } from "@/components/ui/button";
import { generateKeys } from "../api/keys";
import { FrameField } from "./frame-field";
import type { FrameFieldHandle } from "./frame-field";
import { hasText, isTextEntry, readTransfer } from "../utils/frame-transfer";
import type { FrameTransfer } from "../utils/frame-transfer";
import type { FormValues } from "../utils/form-values";
import type { UrlChecks } from "../utils/url-checks";

type Notice = { tone: "info" | "error"; text: string };

/**
 * The first frame and, for models that take one, the last: side by side when there is room,
 * with a swap. An image or an address pasted (or a file dropped) anywhere on the form lands here.
 */
export function FramePair({ model, urlChecks }: { model: ModelCapability; urlChecks: UrlChecks }) {
  const { getValues, setValue, formState } = useFormContext<FormValues>();
  const [image, lastImage] = useWatch<FormValues, ["image", "lastImage"]>({ name: ["image", "lastImage"] });
  const uploading = useIsMutating({ mutationKey: generateKeys.upload() }) > 0;
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<FrameFieldHandle>(null);
  const lastRef = useRef<FrameFieldHandle>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [seenFrames, setSeenFrames] = useState(() => JSON.stringify([image, lastImage]));

  // A refused paste stops mattering once a frame changes.
  const frames = JSON.stringify([image, lastImage]);
  if (frames !== seenFrames) {
    setSeenFrames(frames);
    if (notice?.tone === "error") setNotice(null);
  }

  // Kept when switching to a model without a last frame, but marked: toRequestBody leaves it out.
  const showLast = model.acceptsLastImage || lastImage != null;
  const lastFrameModel = MODEL_LIST.find((m) => m.acceptsLastImage);
  const unsentReason =
    showLast && !model.acceptsLastImage
      ? `Will not be sent: ${model.label} takes no last frame.${lastFrameModel ? ` Switch to ${lastFrameModel.label} to use it, or remove it.` : ""}`
      : undefined;

  /** Whether an event happened on this form, or on the page with nothing focused. */
  function onForm(target: Node | null): boolean {
    return target === document.body || (target !== null && Boolean(rootRef.current?.closest("form")?.contains(target)));
  }

  /** Into the frame being worked on; else an image fills the first empty frame, an address the first. */
  function deliver(transfer: FrameTransfer, target: Node | null, how: "Pasted" | "Dropped") {
    if (transfer.kind === "none") return;
    if (transfer.kind === "refused") {
      setNotice({ tone: "error", text: transfer.message });
      return;
    }
    const first = { slot: firstRef.current, name: "first frame" };
    const last = { slot: model.acceptsLastImage ? lastRef.current : null, name: "last frame" };
    const into =
      [first, last].find(({ slot }) => slot?.contains(target)) ??
      (transfer.kind === "file" && !first.slot?.isEmpty() && last.slot?.isEmpty() ? last : first);
    into.slot?.take(transfer);
    setNotice({ tone: "info", text: `${how} ${transfer.kind === "file" ? "image" : "address"} into the ${into.name}.` });
  }

  const onPaste = useEffectEvent((event: ClipboardEvent) => {
    const target = event.target instanceof Node ? event.target : null;
    if (!onForm(target) || !event.clipboardData) return;
    // Text for the prompt, seed or address field is theirs; a bare image is still a frame.
    if (isTextEntry(event.target) && hasText(event.clipboardData)) return;
    const transfer = readTransfer(event.clipboardData);
    if (transfer.kind === "none") return;
    event.preventDefault();
    deliver(transfer, target, "Pasted");
  });

  // A file dropped beside a frame slot would make the browser leave the page for the file.
  const onFileDrag = useEffectEvent((event: DragEvent) => {
    const target = event.target instanceof Node ? event.target : null;
    if (event.defaultPrevented || !event.dataTransfer?.types.includes("Files") || !onForm(target)) return;
    event.preventDefault();
    if (event.type === "drop") deliver(readTransfer(event.dataTransfer), target, "Dropped");
  });

  useEffect(() => {
    document.addEventListener("paste", onPaste);
    document.addEventListener("dragover", onFileDrag);
    document.addEventListener("drop", onFileDrag);
    return () => {
      document.removeEventListener("paste", onPaste);
      document.removeEventListener("dragover", onFileDrag);
      document.removeEventListener("drop", onFileDrag);
    };
  }, []);

  function swap() {
    const [first, last] = getValues(["image", "lastImage"]);
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue("image", last ?? undefined, options);
    setValue("lastImage", first ?? null, options);
    setNotice({ tone: "info", text: "Swapped the first and last frames." });
  }

  return (
    <div ref={rootRef} className="@container space-y-3">
      <div className={showLast ? "grid gap-6 @xs:grid-cols-2 @xs:gap-4" : undefined}>
        <FrameField ref={firstRef} name="image" label="First frame" model={model} urlChecks={urlChecks} />
        {showLast && <FrameField ref={lastRef} name="lastImage" label="Last frame" model={model} urlChecks={urlChecks} optional unsentReason={unsentReason} />}
      </div>
      {showLast && (
        <div className="flex justify-center">
          <Button size="sm" onClick={swap} disabled={uploading || (image == null && lastImage == null)}>
            <span aria-hidden="true">⇄</span> Swap first and last frames
          </Button>
        </div>
      )}
      {notice?.tone === "error" && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-300">
          {notice.text}
        </p>
      )}
      <p role="status" className="text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
        {notice?.tone === "info" ? notice.text : ""}
      </p>
    </div>
  );
}
