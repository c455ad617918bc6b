import type { ReactNode } from "react";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { diffWords } from "../utils/word-diff";
import { PromptDiff } from "./prompt-diff";

const dimmed = "text-zinc-500 dark:text-zinc-400";

/** What the takes were made with, side by side: a setting they share is shown once, dimmed. */
export function TakeDifferences({ takes }: { takes: Take[] }) {
  const [first] = takes;
  if (!first) return null;
  return (
    <section aria-labelledby="compare-differences" className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 id="compare-differences" className="mb-2 text-sm font-semibold">
        What differs
      </h3>
      <dl className="space-y-3 text-sm">
        <Field term="Model" takes={takes} show={(take) => MODELS[take.model].label} />
        <Field term="Ratio" takes={takes} show={(take) => take.ratio} />
        <Field term="Duration" takes={takes} show={(take) => `${take.duration} s`} />
        <Field term="Seed" takes={takes} show={(take) => (take.seed === null ? "not reported" : String(take.seed))} />
        <Field term="Input frames" takes={takes} show={(take) => `${take.image.url} ${take.lastImage?.url ?? ""}`} render={(take, label) => <Frames take={take} label={label} />} />
        <Field
          term="Prompt"
          takes={takes}
          show={(take) => take.prompt.trim().split(/\s+/).join(" ")}
          render={(take) => (take === first ? take.prompt || "no prompt" : <PromptDiff parts={diffWords(first.prompt, take.prompt)} />)}
          note={takes.length > 1 ? "Words removed from or added to take 1's prompt." : undefined}
        />
      </dl>
    </section>
  );
}

type FieldProps = {
  term: string;
  takes: Take[];
  /** The value compared (and shown, unless `render` shows it otherwise). */
  show: (take: Take) => string;
  render?: (take: Take, label: string) => ReactNode;
  note?: string;
};

function Field({ term, takes, show, render, note }: FieldProps) {
  const values = takes.map(show);
  const same = values.every((value) => value === values[0]);
  const [first] = takes;
  if (same && first) {
    return (
      <div className={dimmed}>
        <dt className="font-medium">
          {term} <span className="text-xs font-normal">(same for all)</span>
        </dt>
        <dd className="break-words">{render ? render(first, "All takes") : values[0]}</dd>
      </div>
    );
  }
  return (
    <div>
      <dt className="font-medium">
        {term} <span className="rounded bg-amber-100 px-1 text-xs font-normal text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">differs</span>
      </dt>
      {note && <dd className={`text-xs ${dimmed}`}>{note}</dd>}
      <dd>
        <ul className="mt-1 space-y-1">
          {takes.map((take, index) => (
            <li key={take.id} className="flex gap-2">
              <span className="shrink-0 font-medium">Take {index + 1}</span>
              <span className="min-w-0 break-words">{render ? render(take, `Take ${index + 1}`) : values[index]}</span>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

function Frames({ take, label }: { take: Take; label: string }) {
  const thumb = "h-14 max-w-24 rounded border border-zinc-200 bg-zinc-100 object-contain dark:border-zinc-700 dark:bg-zinc-800";
  return (
    <span className="flex flex-wrap items-center gap-2">
      <img src={take.image.url} alt={`${label}: first frame`} loading="lazy" className={thumb} />
      {take.lastImage ? <img src={take.lastImage.url} alt={`${label}: last frame`} loading="lazy" className={thumb} /> : <span className="text-xs">no last frame</span>}
    </span>
  );
}
