import { useId, useState } from "react";
import { useController } from "react-hook-form";
import { describeImageUrlProblem } from "@/shared/image-url";
import { ACCEPTED_IMAGE_TYPES } from "@/shared/limits";
import { ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { useUploadImage } from "../api/upload-image";
import { FramePreview } from "./frame-preview";
import { frameErrorMessage } from "./form-values";
import type { FormValues, FrameName } from "./form-values";

type Mode = "upload" | "url";
type FrameFieldProps = { name: FrameName; label: string; optional?: boolean };

/** One frame: a file uploaded straight away, or an https:// address. The form holds `{uploadId}` or `{url}`. */
export function FrameField({ name, label, optional = false }: FrameFieldProps) {
  const { field, fieldState } = useController<FormValues, FrameName>({ name });
  const upload = useUploadImage();
  const [mode, setMode] = useState<Mode>("upload");
  const [urlText, setUrlText] = useState("");
  const id = useId();
  const empty = optional ? null : undefined;

  const urlProblem = mode === "url" && urlText.trim() !== "" ? describeImageUrlProblem(urlText) : null;
  const uploadProblem = mode === "upload" && upload.error ? uploadErrorMessage(upload.error) : null;
  const error = urlProblem ?? uploadProblem ?? frameErrorMessage(fieldState.error);
  const errorId = `${id}-error`;
  const hasValue = field.value !== null && field.value !== undefined;

  function clear() {
    upload.reset();
    setUrlText("");
    field.onChange(empty);
  }

  function chooseMode(next: Mode) {
    clear();
    setMode(next);
  }

  function onFile(file: File | undefined) {
    if (!file) return;
    field.onChange(empty);
    upload.mutate(file, { onSuccess: (result) => field.onChange({ uploadId: result.id }) });
  }

  function onUrl(text: string) {
    setUrlText(text);
    field.onChange(text.trim() === "" ? empty : { url: text.trim() });
  }

  return (
    <fieldset className="relative space-y-3">
      <legend className={`${labelClass} float-left py-1`}>
        {label} {optional && <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>}
      </legend>
      <div className="flex justify-end">
        <div className="flex rounded-lg bg-zinc-100 p-0.5 text-xs dark:bg-zinc-800">
          {(["upload", "url"] as const).map((option) => (
            <label
              key={option}
              className="cursor-pointer rounded-md px-2.5 py-1 text-zinc-600 has-checked:bg-white has-checked:text-zinc-900 has-checked:shadow-xs has-focus-visible:outline-2 has-focus-visible:outline-accent-500 dark:text-zinc-400 dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-100"
            >
              <input type="radio" className="sr-only" name={`${id}-mode`} checked={mode === option} onChange={() => chooseMode(option)} />
              {option === "upload" ? "Upload" : "Paste URL"}
            </label>
          ))}
        </div>
      </div>

      {mode === "upload" ? (
        <div key="upload" className="clear-both">
          <label
            htmlFor={`${id}-file`}
            className="flex cursor-pointer flex-col items-center justify-center rounded-lg border border-dashed border-zinc-300 px-4 py-4 text-center text-sm text-zinc-600 transition-colors hover:border-accent-400 hover:bg-accent-50/50 has-[+input:focus-visible]:outline-2 has-[+input:focus-visible]:outline-accent-500 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-accent-900/20"
          >
            <span className="font-medium text-accent-700 dark:text-accent-300">Choose {label.toLowerCase()} file</span>
            <span className={hintClass}>JPEG, PNG or WebP, up to 40 MB</span>
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES.join(",")}
            className="sr-only"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && errorId)}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </div>
      ) : (
        <div key="url" className="clear-both">
          <label htmlFor={`${id}-url`} className="mb-1 block text-xs text-zinc-600 dark:text-zinc-400">
            {label} address
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="https://images.example.com/frame.jpg"
            className={inputClass}
            value={urlText}
            onChange={(event) => onUrl(event.target.value)}
            onBlur={field.onBlur}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && errorId)}
          />
        </div>
      )}

      {upload.isPending && (
        <p role="status" className="text-sm text-zinc-600 motion-safe:animate-pulse dark:text-zinc-400">
          Uploading…
        </p>
      )}
      {mode === "upload" && upload.data && hasValue && (
        <FramePreview src={upload.data.url} alt={`${label} preview`} size={upload.data} />
      )}
      {mode === "url" && hasValue && !urlProblem && <FramePreview src={urlText.trim()} alt={`${label} preview`} />}
      {optional && hasValue && (
        <Button size="sm" variant="ghost" onClick={clear}>
          Remove {label.toLowerCase()}
        </Button>
      )}
      <FieldMessage id={errorId} message={error} />
    </fieldset>
  );
}

function uploadErrorMessage(error: Error): string {
  if (error instanceof ApiError) return error.fields.file ?? error.message;
  return error.message;
}
