import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { panelClass } from "@/components/ui/styles";
import { ApiError } from "@/lib/api-client";
import type { Shot } from "@/shared/project";
import type { ReelCanvas } from "@/shared/reel";
import { useCreateReel } from "../api/create-reel";
import { reelListQueryOptions } from "../api/list-reels";
import { CanvasChoice } from "./canvas-choice";
import { ReelStatus } from "./reel-status";
import { ShotTakeChoice } from "./shot-take-choice";

type Props = { projectId: string; shots: readonly Shot[] };

/** The takes that differ from each shot's circled one: all the request needs to name. */
function chosenTakes(shots: readonly Shot[], choices: Record<string, string>): Record<string, string> {
  return Object.fromEntries(shots.filter((shot) => choices[shot.id] && choices[shot.id] !== shot.circledTakeId).map((shot) => [shot.id, choices[shot.id]!]));
}

/** "Make the reel" for a project: canvas, a take per shot (the circled one unless changed), then the reel as it is cut. */
export function ReelPanel({ projectId, shots }: Props) {
  const [canvas, setCanvas] = useState<ReelCanvas>("1920x1080");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const create = useCreateReel(projectId);
  const reels = useQuery(reelListQueryOptions(projectId));
  const shownId = create.data?.id ?? reels.data?.items[0]?.id;
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const takes = chosenTakes(shots, choices);
    create.mutate({ canvas, ...(Object.keys(takes).length ? { takes } : {}) });
  };

  return (
    <section aria-labelledby="reel-heading" className={`${panelClass} space-y-4 p-4`}>
      <h2 id="reel-heading" className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
        Make the reel
      </h2>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <CanvasChoice value={canvas} onChange={setCanvas} />
        {shots.length > 0 && (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Take per shot</legend>
            {shots.map((shot) => (
              <ShotTakeChoice
                key={shot.id}
                shot={shot}
                value={choices[shot.id] ?? shot.circledTakeId ?? ""}
                error={fields[`takes.${shot.id}`]}
                onChange={(takeId) => setChoices((current) => ({ ...current, [shot.id]: takeId }))}
              />
            ))}
          </fieldset>
        )}
        {create.isError && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {create.error.message}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? "Asking for the reel…" : "Make the reel"}
        </Button>
      </form>
      {shownId && <ReelStatus key={shownId} id={shownId} />}
    </section>
  );
}
