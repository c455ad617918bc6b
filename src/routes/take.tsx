import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useOutletContext, useParams } from "react-router";
import { randomId } from "@/lib/random-id";
import { takeKeys } from "@/features/gallery/api/keys";
import { takeQueryOptions } from "@/features/gallery/api/get-take";
import { TakeDetail } from "@/features/gallery/components/take-detail";
import { FamilyTree } from "@/features/review/components/family-tree";
import { TakeReview } from "@/features/review/components/take-review";
import { hasVideo } from "@/features/review/components/take-video";
import { describeTake } from "@/features/gallery/utils/describe-take";
import type { FormDraft } from "@/features/generate/utils/form-draft";
import type { Upload } from "@/shared/api";
import type { Take, ImageRef } from "@/shared/take";
import type { ShellOutletContext } from "./shell";
import { TakeShotField } from "./take-shot";

/** An uploaded frame is referenced by its id; a pasted address by itself. */
function toImageRef(image: { url: string; uploadId: string | null }): ImageRef {
  return image.uploadId ? { uploadId: image.uploadId } : { url: image.url };
}

export function takeDraft(take: Take): FormDraft {
  return {
    id: randomId(),
    kind: "take",
    values: {
      model: take.model,
      prompt: take.prompt,
      image: toImageRef(take.image),
      lastImage: take.lastImage ? toImageRef(take.lastImage) : null,
      ratio: take.ratio,
      duration: take.duration === 10 ? 10 : 5,
    },
    seed: take.seed,
    shot: take.projectId && take.shotId ? { projectId: take.projectId, shotId: take.shotId } : null,
    source: { id: take.id, label: describeTake(take) },
  };
}

export function lastFrameDraft(upload: Upload, take: Take): FormDraft {
  return { id: randomId(), kind: "first-frame", upload, source: { id: take.id, label: describeTake(take) } };
}

/**
 * `/g/:id`: one take, with what can be made from it, its review (player to the frame, state,
 * notes) and its family. Loaded on demand (React.lazy).
 */
export function TakeRoute() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { sendDraft, viewer } = useOutletContext<ShellOutletContext>();
  // The same query TakeDetail runs (one request): the family waits until the take is known to exist.
  const found = useQuery(takeQueryOptions(id)).isSuccess;

  function takeChanged(take: Take) {
    queryClient.setQueryData(takeKeys.detail(take.id), take);
    void queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
  }
  function notesChanged() {
    void queryClient.invalidateQueries({ queryKey: takeKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
  }

  return (
    <div key={id} className="space-y-6">
      <TakeDetail
        id={id}
        viewer={viewer}
        player={(take) => (hasVideo(take) ? <TakeReview take={take} viewer={viewer} onTakeChanged={takeChanged} onNotesChanged={notesChanged} /> : null)}
        onEdit={(take) => sendDraft(takeDraft(take))}
        onUseLastFrame={(upload, take) => sendDraft(lastFrameDraft(upload, take))}
        onCreated={(take) => void navigate(`/g/${encodeURIComponent(take.id)}`)}
        onDeleted={() => void navigate("/", { replace: true })}
      />
      <TakeShotField key={`shot-${id}`} id={id} />
      {found && <FamilyTree takeId={id} />}
    </div>
  );
}
