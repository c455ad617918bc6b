import { centreCrop, describeSize } from "../utils/frame-checks";

type Size = { width: number; height: number };
type FramePreviewProps = {
  src: string;
  alt: string;
  /** The shape the crop is drawn for: the model's real output, such as "1280:768" (see outputShape). */
  ratio: string;
  /** Known from the upload, or measured once a pasted address loads. */
  size?: Size | undefined;
  dimmed?: boolean;
  onLoaded?: (size: Size) => void;
  onFailed?: () => void;
};

/** The image with the model's crop drawn over it: the kept centre outlined, the rest dimmed. */
export function FramePreview({ src, alt, ratio, size, dimmed = false, onLoaded, onFailed }: FramePreviewProps) {
  const crop = size ? centreCrop(size.width, size.height, ratio) : null;
  return (
    <figure className="space-y-1">
      <div className={`relative inline-block max-w-full align-top ${dimmed ? "opacity-50 grayscale" : ""}`}>
        <img
          src={src}
          alt={alt}
          className="block max-h-48 max-w-full rounded-md border border-zinc-200 bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-800"
          onLoad={(event) => onLoaded?.({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          onError={() => onFailed?.()}
        />
        {size && crop && crop.kept < 0.995 && (
          <svg
            aria-hidden="true"
            viewBox={`0 0 ${size.width} ${size.height}`}
            preserveAspectRatio="none"
            className="pointer-events-none absolute inset-0 h-full w-full rounded-md"
          >
            <path
              fillRule="evenodd"
              className="fill-zinc-950/55"
              d={`M0 0H${size.width}V${size.height}H0Z M${crop.x} ${crop.y}h${crop.width}v${crop.height}h${-crop.width}Z`}
            />
            <rect
              x={crop.x}
              y={crop.y}
              width={crop.width}
              height={crop.height}
              fill="none"
              stroke="white"
              strokeWidth={2}
              strokeDasharray="6 4"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
        )}
      </div>
      {size && <figcaption className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{describeSize(size.width, size.height)}</figcaption>}
    </figure>
  );
}
