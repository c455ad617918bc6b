import { Suspense, lazy } from "react";
import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { panelClass } from "@/components/ui/styles";
import type { FormDraft } from "@/features/generate/utils/form-draft";

// The form (react-hook-form and the frame tools) is the heaviest part of the first screen:
// it comes in its own chunk, requested as soon as the studio renders, so the gallery isn't held up.
const TakePanel = lazy(() =>
  import("@/features/generate/components/take-panel").then((module) => ({ default: module.TakePanel })),
);

export const FORM_PANEL_ID = "take-form-panel";
export const FORM_HEADING_ID = "new-take-heading";

type FormPanelProps = {
  open: boolean;
  onHide: () => void;
  draft: FormDraft | null;
  onCreated: (takes: Take[]) => void;
  /** Who is making takes: the form remembers their shot choice under this name. */
  creator?: string | undefined;
  className?: string;
};

/**
 * The form's column. Hidden, not unmounted, when folded away: what was typed stays, and the
 * shell's "Make a take" brings it back as it was.
 */
export function FormPanel({ open, onHide, draft, onCreated, creator, className = "" }: FormPanelProps) {
  return (
    <section id={FORM_PANEL_ID} hidden={!open} aria-labelledby={FORM_HEADING_ID} className={`${panelClass} p-5 lg:sticky lg:top-6 ${className}`}>
      <div className="mb-5 flex items-center justify-between gap-3">
        <h2 id={FORM_HEADING_ID} tabIndex={-1} className="text-base font-semibold">
          New take
        </h2>
        <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={FORM_PANEL_ID} onClick={onHide}>
          Hide form
        </Button>
      </div>
      <Suspense
        fallback={
          <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
            Loading the form…
          </p>
        }
      >
        <TakePanel draft={draft} onCreated={onCreated} creator={creator} />
      </Suspense>
    </section>
  );
}
