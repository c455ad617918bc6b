import { useEffect } from "react";
import { panelClass } from "@/components/ui/styles";
import { useRefreshGallery } from "@/features/gallery/api/use-refresh-gallery";
import { Gallery } from "@/features/gallery/components/gallery";
import { GenerationPanel } from "@/features/generate/components/generation-panel";
import { SimulatorBanner } from "@/features/studio/components/simulator-banner";

/** The one working page: the form on the left (top on phones), the takes on the right. */
export function StudioRoute() {
  const refreshGallery = useRefreshGallery();
  useEffect(() => {
    document.title = "Dailies";
  }, []);

  return (
    <div className="min-h-dvh">
      <SimulatorBanner />
      <header className="border-b border-zinc-200 bg-white/80 dark:border-zinc-800 dark:bg-zinc-900/60">
        <div className="mx-auto flex max-w-screen-2xl items-baseline gap-3 px-4 py-4 sm:px-6">
          <h1 className="text-lg font-semibold tracking-tight">Dailies</h1>
          <p className="hidden text-sm text-zinc-500 sm:block dark:text-zinc-400">Still image + prompt → short Runway takes</p>
        </div>
      </header>
      <main className="mx-auto grid max-w-screen-2xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[minmax(22rem,26rem)_1fr] lg:items-start">
        <section aria-labelledby="new-take-heading" className={`${panelClass} p-5 lg:sticky lg:top-6`}>
          <h2 id="new-take-heading" className="mb-5 text-base font-semibold">
            New take
          </h2>
          <GenerationPanel onCreated={refreshGallery} />
        </section>
        <section aria-labelledby="takes-heading" className="min-w-0">
          <h2 id="takes-heading" className="mb-4 text-base font-semibold">
            Takes
          </h2>
          <Gallery />
        </section>
      </main>
    </div>
  );
}
