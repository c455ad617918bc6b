import type { Take } from "@/shared/take";
import { batchAnchor, groupBatches } from "../utils/group-batches";
import type { Viewer } from "../utils/viewer";
import { BatchGroup } from "./batch-group";
import { GRID } from "./grid-class";
import { TakeCard } from "./take-card";

type TakeGridProps = {
  takes: readonly Take[];
  viewer?: Viewer | undefined;
  selected: readonly string[];
  onSelect: (id: string, selected: boolean) => void;
  /** The batch just made: marked for a moment so the eye finds it. */
  highlight?: string | null | undefined;
  dimmed: boolean;
};

const HIGHLIGHT = "rounded-2xl outline-2 outline-offset-4 outline-accent-500 motion-safe:animate-pulse";

/** Single takes as cards; the takes of one submit as one framed group spanning the row. */
export function TakeGrid({ takes, viewer, selected, onSelect, highlight, dimmed }: TakeGridProps) {
  return (
    <ul className={`${GRID} transition-opacity ${dimmed ? "opacity-60" : ""}`}>
      {groupBatches(takes).map(({ batchId, takes: members }) => {
        const lit = highlight === batchId;
        const common = { id: batchAnchor(batchId), "data-highlighted": lit || undefined };
        if (members.length === 1) {
          return (
            <li key={batchId} {...common} className={`flex ${lit ? HIGHLIGHT : ""}`}>
              <TakeCard item={members[0]} viewer={viewer} selected={selected.includes(members[0].id)} onSelect={onSelect} />
            </li>
          );
        }
        return (
          <li key={batchId} {...common} className={`col-span-full ${lit ? HIGHLIGHT : ""}`}>
            <BatchGroup takes={members}>
              {members.map((take, index) => (
                <li key={take.id} className="flex">
                  <TakeCard item={take} viewer={viewer} variation={index + 1} selected={selected.includes(take.id)} onSelect={onSelect} />
                </li>
              ))}
            </BatchGroup>
          </li>
        );
      })}
    </ul>
  );
}
