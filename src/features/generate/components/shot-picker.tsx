import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { ShotChoiceState } from "../hooks/use-shot-choice";

type Option = { value: string; label: string };
type PickProps = { id: string; label: string; none: string; options: readonly Option[] | undefined; value: string | null; onPick: (value: string | null) => void; disabled?: boolean };

function Pick({ id, label, none, options = [], value, onPick, disabled = false }: PickProps) {
  return (
    <div>
      <label htmlFor={id} className={hintClass}>
        {label}
      </label>
      <select id={id} className={`${inputClass} mt-1`} value={value ?? ""} disabled={disabled} onChange={(event) => onPick(event.target.value || null)}>
        {[{ value: "", label: none }, ...options].map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Which project and shot the new takes land in; "No shot" keeps them out of every shot. */
export function ShotPicker({ picker }: { picker: ShotChoiceState }) {
  const { projects, shots, projectId, shotId } = picker;
  const failed = projects.isError || shots.isError;
  return (
    <fieldset>
      <legend className={labelClass}>Shot</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <Pick
          id="shot-picker-project"
          label="Project"
          none="No project"
          options={projects.data?.map((project) => ({ value: project.id, label: project.name }))}
          value={projectId}
          onPick={picker.chooseProject}
        />
        <Pick
          id="shot-picker-shot"
          label="Shot"
          none="No shot"
          options={shots.data?.map((shot) => ({ value: shot.id, label: shot.description ? `${shot.code} · ${shot.description}` : shot.code }))}
          value={shotId}
          onPick={picker.chooseShot}
          disabled={projectId === null}
        />
      </div>
      <p className={hintClass} role={failed ? "alert" : undefined}>
        {failed
          ? "Couldn't load the projects: new takes go in no shot for now."
          : projects.data?.length === 0
            ? "No projects yet: start one on the Projects page to file takes by shot."
            : "New takes land in this shot. Remembered for you."}
      </p>
    </fieldset>
  );
}
