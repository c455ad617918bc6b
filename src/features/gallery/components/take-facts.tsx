import { Link } from "react-router";
import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { isNotFound, takeQueryOptions } from "../api/get-take";
import type { Take } from "@/shared/take";
import { MODELS } from "@/shared/models";
import { useMoney } from "@/lib/money";
import { describeCharge } from "../utils/charge";

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function ChargeText({ take }: { take: Take }) {
  const money = useMoney();
  const { text, credits } = describeCharge(take.charge, money);
  return credits ? (
    <span title={credits} className="underline decoration-dotted underline-offset-2">
      {text}
    </span>
  ) : (
    <span>{text}</span>
  );
}

/** Every parameter the take was made with, what came out, and what it cost. */
export function TakeFacts({ take }: { take: Take }) {
  const { video } = take;
  return (
    <section aria-labelledby="take-parameters">
      <h3 id="take-parameters" className="mb-2 text-sm font-semibold">
        Parameters
      </h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <Fact term="Model">{MODELS[take.model].label}</Fact>
        <Fact term="Prompt">{take.prompt || <span className="italic text-zinc-500">none</span>}</Fact>
        <Fact term="Ratio">{take.ratio}</Fact>
        <Fact term="Duration">{take.duration} s</Fact>
        <Fact term="Seed">{take.seed === null ? "not reported yet" : take.seed}</Fact>
        <Fact term="By">{take.author}</Fact>
        <Fact term="Provider">{take.provider === "simulator" ? "Simulator" : "AI/ML API"}</Fact>
        {video && (
          <Fact term="Video">
            {video.width}×{video.height} · {video.durationSeconds.toFixed(1)} s · {megabytes(video.bytes)}
          </Fact>
        )}
        <Fact term="Cost">
          <ChargeText take={take} />
        </Fact>
        {take.sourceId && (
          <Fact term="From take">
            <SourceLink id={take.sourceId} />
          </Fact>
        )}
      </dl>
    </section>
  );
}

/** The take this one came from, linked only while it exists: a deleted source is said, not a 404. */
function SourceLink({ id }: { id: string }) {
  // Read once: the source's own page polls it if it runs.
  const source = useQuery({ ...takeQueryOptions(id), refetchInterval: false });
  if (source.isError && isNotFound(source.error)) return <span className="text-zinc-600 italic dark:text-zinc-400">Made from a deleted take</span>;
  if (!source.isSuccess) return <span>{id}</span>;
  return (
    <Link to={`/g/${encodeURIComponent(id)}`} className="text-accent-700 underline underline-offset-2 dark:text-accent-300">
      {id}
    </Link>
  );
}

export function TakeFrames({ take }: { take: Take }) {
  return (
    <section aria-labelledby="take-frames">
      <h3 id="take-frames" className="mb-2 text-sm font-semibold">
        Input frames
      </h3>
      <div className="flex flex-wrap gap-3">
        <Frame src={take.image.url} label="First frame" />
        {take.lastImage && <Frame src={take.lastImage.url} label="Last frame" />}
      </div>
    </section>
  );
}

function Frame({ src, label }: { src: string; label: string }) {
  return (
    <figure className="space-y-1">
      <img src={src} alt={label} loading="lazy" className="h-28 max-w-48 rounded-md border border-zinc-200 bg-zinc-100 object-contain dark:border-zinc-700 dark:bg-zinc-800" />
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">{label}</figcaption>
    </figure>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="break-words tabular-nums">{children}</dd>
    </>
  );
}
