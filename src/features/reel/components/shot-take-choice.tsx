import { useQuery } from "@tanstack/react-query";
import { describedBy, FieldMessage } from "@/components/ui/field-message";
import { inputClass, labelClass } from "@/components/ui/styles";
import type { Shot } from "@/shared/project";
import type { Take } from "@/shared/take";
import { shotTakesQueryOptions } from "../api/list-shot-takes";

const takeLabel = (take: Take, circled: boolean) => {
  const prompt = take.prompt.trim() || "untitled";
  return `${circled ? "Circled · " : ""}${take.model} · seed ${take.seed} · ${prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt}`;
};

type Props = { shot: Shot; value: string; error: string | undefined; onChange: (takeId: string) => void };

/** Which take of one shot goes on the reel: its circled take unless another is chosen. */
export function ShotTakeChoice({ shot, value, error, onChange }: Props) {
  const takes = useQuery(shotTakesQueryOptions(shot.id));
  const id = `reel-take-${shot.id}`;
  const items = takes.data?.items ?? [];
  // The circled take first, as the board shows it.
  const ordered = [...items.filter((t) => t.id === shot.circledTakeId), ...items.filter((t) => t.id !== shot.circledTakeId)];
  const circledListed = ordered.some((t) => t.id === shot.circledTakeId);
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {shot.code}
      </label>
      <select
        id={id}
        className={`${inputClass} mt-1`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
      >
        {!shot.circledTakeId && <option value="">Left out: no circled take</option>}
        {shot.circledTakeId && !circledListed && <option value={shot.circledTakeId}>Circled take</option>}
        {ordered.map((take) => (
          <option key={take.id} value={take.id}>
            {takeLabel(take, take.id === shot.circledTakeId)}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}
