import { useQuery } from "@tanstack/react-query";
import type { ModelCapability } from "@/shared/models";
import { uploadQueryOptions } from "../api/get-upload";
import { describeSizeProblem, outputShape } from "../utils/frame-checks";
import type { UrlCheck } from "../utils/url-checks";
import { FrameFit } from "./frame-fit";
import { FramePreview } from "./frame-preview";

export const LOAD_FAILED_MESSAGE =
  "The image couldn't be loaded from that address. Check that the link opens the image itself, or upload the file instead.";

type Shared = {
  alt: string;
  model: ModelCapability;
  ratio: string;
  dimmed: boolean;
  onUseRatio: (ratio: string) => void;
};

/** A frame held as `{uploadId}`: drawn from the upload's record, which uploads and the library pre-fill. */
export function UploadFramePreview({ uploadId, ...shared }: Shared & { uploadId: string }) {
  const upload = useQuery(uploadQueryOptions(uploadId));
  if (upload.isPending) {
    return (
      <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
        Loading the image…
      </p>
    );
  }
  if (upload.isError) return <p className="text-sm text-red-700 dark:text-red-400">{upload.error.message}</p>;
  const { url, width, height } = upload.data;
  return (
    <div className="space-y-2">
      <FramePreview src={url} alt={shared.alt} ratio={outputShape(shared.model, shared.ratio)} size={{ width, height }} dimmed={shared.dimmed} />
      <FrameFit width={width} height={height} model={shared.model} ratio={shared.ratio} onUseRatio={shared.onUseRatio} />
    </div>
  );
}

type UrlFramePreviewProps = Shared & { url: string; check: UrlCheck | undefined; onChecked: (check: UrlCheck) => void };

/** A frame held as `{url}`: its size is read from the loaded image and checked against the model's limits. */
export function UrlFramePreview({ url, check, onChecked, ...shared }: UrlFramePreviewProps) {
  if (check && !check.size) return null; // it didn't load: the field says so
  const size = check?.size ?? undefined;
  return (
    <div className="space-y-2">
      <FramePreview
        src={url}
        alt={shared.alt}
        ratio={outputShape(shared.model, shared.ratio)}
        size={size}
        dimmed={shared.dimmed}
        onLoaded={(loaded) => onChecked({ url, size: loaded, problem: describeSizeProblem(loaded.width, loaded.height) })}
        onFailed={() => onChecked({ url, size: null, problem: LOAD_FAILED_MESSAGE })}
      />
      {!size ? (
        <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
          Loading the image from that address…
        </p>
      ) : (
        !check?.problem && (
          <FrameFit width={size.width} height={size.height} model={shared.model} ratio={shared.ratio} onUseRatio={shared.onUseRatio} />
        )
      )}
    </div>
  );
}
