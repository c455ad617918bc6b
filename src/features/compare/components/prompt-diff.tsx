import type { DiffPart } from "../utils/word-diff";

const removed = "rounded-sm bg-red-100 px-0.5 text-red-900 line-through decoration-2 dark:bg-red-950/60 dark:text-red-200";
const added = "rounded-sm bg-emerald-100 px-0.5 text-emerald-900 underline decoration-2 underline-offset-2 dark:bg-emerald-950/60 dark:text-emerald-200";

/** A word diff: removed words struck through, added ones underlined (and named for screen readers), not told by colour alone. */
export function PromptDiff({ parts }: { parts: DiffPart[] }) {
  if (parts.length === 0) return <span className="italic text-zinc-500 dark:text-zinc-400">no prompt</span>;
  return (
    <span className="break-words">
      {parts.map((part, index) => {
        const gap = index > 0 ? " " : "";
        if (part.kind === "same") return <span key={index}>{gap + part.text}</span>;
        const Tag = part.kind === "added" ? "ins" : "del";
        return (
          <span key={index}>
            {gap}
            <Tag className={part.kind === "added" ? added : removed}>
              <span className="sr-only">{part.kind === "added" ? "added: " : "removed: "}</span>
              {part.text}
            </Tag>
          </span>
        );
      })}
    </span>
  );
}
