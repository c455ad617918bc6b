import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Take } from "@/shared/take";
import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { projectListQueryOptions, projectQueryOptions } from "@/lib/project-queries";
import { useMoveTake } from "../api/move-take";

type TakeShotSelectProps = {
  take: Take;
  /** The moved take, for the page to show (this feature does not know the take's own query). */
  onMoved?: (take: Take) => void;
};

/** Moves a take to another shot (of any project) or out of its shot; the move happens on choosing. */
export function TakeShotSelect({ take, onMoved }: TakeShotSelectProps) {
  const move = useMoveTake({ onMoved });
  // The latest word on the take: the move's answer until the page's copy catches up.
  const current = move.data?.id === take.id && move.data.updatedAt >= take.updatedAt ? move.data : take;
  const [projectId, setProjectId] = useState(current.projectId);
  const projects = useQuery(projectListQueryOptions());
  const project = useQuery({ ...projectQueryOptions(projectId ?? ""), enabled: projectId !== null });
  const shots = project.data?.shots ?? [];
  const shotInView = current.projectId === projectId ? current.shotId : null;

  function pickProject(id: string | null) {
    setProjectId(id);
    if (id === null && current.shotId !== null) move.mutate({ id: take.id, shotId: null });
  }

  const moved = move.isSuccess ? (shots.find((s) => s.id === move.data.shotId)?.code ?? null) : undefined;
  return (
    <fieldset className="space-y-1.5">
      <legend className={labelClass}>Shot</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={hintClass}>
          Project
          <select className={`${inputClass} mt-1`} value={projectId ?? ""} onChange={(event) => pickProject(event.target.value || null)}>
            <option value="">No project</option>
            {projects.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className={hintClass}>
          Shot
          <select
            className={`${inputClass} mt-1`}
            value={shotInView ?? ""}
            disabled={projectId === null || move.isPending}
            onChange={(event) => move.mutate({ id: take.id, shotId: event.target.value || null })}
          >
            <option value="">{shotInView === null && projectId !== current.projectId ? "Choose a shot…" : "No shot"}</option>
            {shots.map((shot) => (
              <option key={shot.id} value={shot.id}>
                {shot.code}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" className={`${hintClass} empty:hidden`}>
        {move.isPending ? "Moving…" : moved === undefined ? "" : moved === null ? "Taken out of its shot." : `Moved to ${moved}.`}
      </p>
      {move.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {move.error.message}
        </p>
      )}
    </fieldset>
  );
}
