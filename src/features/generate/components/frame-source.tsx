import { useId } from "react";
import { ACCEPTED_IMAGE_TYPES } from "@/shared/limits";
import { Button } from "@/components/ui/button";
import { hintClass, inputClass } from "@/components/ui/styles";
import type { FrameMode } from "../utils/frame-field-state";

type FrameSourceProps = {
  label: string;
  mode: FrameMode;
  onMode: (mode: FrameMode) => void;
  address: string;
  onAddress: (text: string) => void;
  onAddressBlur: () => void;
  onFile: (file: File) => void;
  onLibrary: () => void;
  dragging: boolean;
  invalid: boolean;
  describedBy: string | undefined;
};

/** The ways in: a file (picked, dropped or pasted), an https:// address, or the studio's library. */
export function FrameSource({ label, mode, onMode, address, onAddress, onAddressBlur, onFile, onLibrary, dragging, invalid, describedBy }: FrameSourceProps) {
  const id = useId();
  const name = label.toLowerCase();
  const described = { "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy };
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex rounded-lg bg-zinc-100 p-0.5 text-xs dark:bg-zinc-800">
          {(["upload", "url"] as const).map((option) => (
            <label
              key={option}
              className="cursor-pointer rounded-md px-2.5 py-1 whitespace-nowrap text-zinc-600 has-checked:bg-white has-checked:text-zinc-900 has-checked:shadow-xs has-focus-visible:outline-2 has-focus-visible:outline-accent-500 dark:text-zinc-400 dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-100"
            >
              <input type="radio" className="sr-only" name={`${id}-mode`} checked={mode === option} onChange={() => onMode(option)} />
              {option === "upload" ? "Upload" : "Paste URL"}
            </label>
          ))}
        </div>
        <Button size="sm" aria-label={`Choose ${name} from the library`} aria-haspopup="dialog" onClick={onLibrary}>
          Library
        </Button>
      </div>

      {mode === "upload" ? (
        <div key="upload">
          <label
            htmlFor={`${id}-file`}
            className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border border-dashed px-4 py-4 text-center text-sm text-zinc-600 transition-colors hover:border-accent-400 hover:bg-accent-50/50 has-[+input:focus-visible]:outline-2 has-[+input:focus-visible]:outline-accent-500 dark:text-zinc-400 dark:hover:bg-accent-900/20 ${dragging ? "border-accent-500 bg-accent-50/60 dark:bg-accent-900/30" : "border-zinc-300 dark:border-zinc-700"}`}
          >
            <span className="font-medium text-accent-700 dark:text-accent-300">Choose {name} file</span>
            <span className={hintClass}>or drop or paste it here · JPEG, PNG or WebP, up to 40 MB</span>
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES.join(",")}
            className="sr-only"
            {...described}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) onFile(file);
              event.target.value = "";
            }}
          />
        </div>
      ) : (
        <div key="url">
          <label htmlFor={`${id}-url`} className="mb-1 block text-xs text-zinc-600 dark:text-zinc-400">
            {label} address
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="https://images.example.com/frame.jpg"
            className={inputClass}
            value={address}
            onChange={(event) => onAddress(event.target.value)}
            onBlur={onAddressBlur}
            {...described}
          />
        </div>
      )}
    </>
  );
}
