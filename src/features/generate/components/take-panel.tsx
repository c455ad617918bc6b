import { useQuery } from "@tanstack/react-query";
import type { Take } from "@/shared/take";
import { modelsQueryOptions } from "@/lib/model-queries";
import type { FormDraft } from "../utils/form-draft";
import { TakeForm } from "./take-form";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";

type TakePanelProps = {
  /** Settings to load into the form, owned by the route (see FormDraft). */
  draft?: FormDraft | null | undefined;
  onCreated?: (takes: Take[]) => void;
  /** The signed-in name (the shell knows it): the shot picker remembers each person's choice. */
  creator?: string | undefined;
};

/** Loads the model capabilities, then builds the form from them. */
export function TakePanel({ draft, onCreated, creator = "studio" }: TakePanelProps) {
  const models = useQuery(modelsQueryOptions());

  if (models.isPending) return <LoadingNote>Loading models…</LoadingNote>;
  if (models.isError) {
    return <LoadFailed what="the models" error={models.error} onRetry={models.refetch} />;
  }
  const [first, ...rest] = models.data;
  if (!first) return <p role="alert">The server offers no models right now.</p>;
  return <TakeForm models={[first, ...rest]} draft={draft} onCreated={onCreated} creator={creator} />;
}
