import { Suspense, lazy, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigate } from "react-router";
import { panelClass } from "@/components/ui/styles";
import { useRefreshGallery } from "@/features/gallery/hooks/use-refresh-gallery";
import { useWatchTakes } from "@/features/gallery/hooks/use-watch-takes";
import { describeTake } from "@/features/gallery/utils/describe-take";
import type { Viewer } from "@/features/gallery/utils/viewer";
import type { FormDraft } from "@/features/generate/utils/form-draft";
import { notifyInBackground } from "@/features/notifications/utils/browser-notifications";
import { NotifyToggle } from "@/features/notifications/components/notify-toggle";
import { Toaster } from "@/features/notifications/components/toaster";
import { useTitleCount } from "@/features/notifications/hooks/use-title-count";
import { useToasts } from "@/features/notifications/hooks/use-toasts";
import { sessionQueryOptions } from "@/features/session/api/get-session";
import type { Session } from "@/features/session/api/get-session";
import { SignedInAs } from "@/features/session/components/signed-in-as";
import { SimulatorBanner } from "@/features/status/components/simulator-banner";
import type { Take } from "@/shared/take";

// The form (react-hook-form and the frame tools) is the heaviest part of the first screen:
// it comes in its own chunk, requested as soon as the studio renders, so the gallery isn't held up.
const TakePanel = lazy(() =>
  import("@/features/generate/components/take-panel").then((module) => ({ default: module.TakePanel })),
);

/** What the pages inside the studio (gallery, take detail) may ask of it. */
export type ShellOutletContext = {
  /** Load settings into the form and bring the form into view. */
  sendDraft: (draft: FormDraft) => void;
  /** Who is looking (the session gate guarantees someone): decides Delete, "Mine only" and "by …". */
  viewer: Viewer | undefined;
};

function toViewer(session: Session | undefined): Viewer | undefined {
  return session?.user ? { ...session.user, identified: session.mode !== "none" } : undefined;
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-lg px-3 py-1.5 text-sm font-medium ${isActive ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"}`;

/**
 * The studio frame: the form on the left (top on phones) and, on the right, the gallery or
 * one take. It owns the form's draft, so the form keeps its values while pages change, and
 * it watches every running take to announce the ones that finish.
 */
export function ShellRoute() {
  const refreshGallery = useRefreshGallery();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<FormDraft | null>(null);
  const { toasts, show, dismiss } = useToasts();
  const openTake = useMatch("/g/:id")?.params.id;
  const { data: session } = useQuery(sessionQueryOptions());
  // The gallery's last filters, so coming back from a take returns to the same view.
  const location = useLocation();
  const [gallerySearch, setGallerySearch] = useState(location.search);
  if (location.pathname === "/" && location.search !== gallerySearch) setGallerySearch(location.search);

  function announce(take: Take) {
    const done = take.status === "completed";
    const label = describeTake(take);
    const href = `/g/${encodeURIComponent(take.id)}`;
    show({
      id: `settled-${take.id}`,
      tone: done ? "success" : "error",
      message: done ? `Take finished: “${label}”.` : `Take failed: “${label}”. ${take.error?.message ?? ""}`.trim(),
      link: { to: href, label: "Open take" },
    });
    notifyInBackground({
      title: done ? "Take finished" : "Take failed",
      body: label,
      tag: take.id,
      onClick: () => void navigate(href),
    });
  }

  const running = useWatchTakes({ onSettled: announce, except: openTake });
  useTitleCount(running.length);

  const outletContext: ShellOutletContext = {
    sendDraft: (next) => {
      setDraft(next);
      void navigate(`/${gallerySearch}`);
      const heading = document.getElementById("new-take-heading");
      heading?.scrollIntoView?.({ block: "start" });
      heading?.focus();
    },
    viewer: toViewer(session),
  };

  return (
    <div className="min-h-dvh">
      <header className="border-b border-zinc-200 bg-white/80 dark:border-zinc-800 dark:bg-zinc-900/60">
        {/* Inside the banner landmark, so no content of the page sits outside one. */}
        <SimulatorBanner />
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
          <h1 className="text-lg font-semibold tracking-tight">
            <Link to={`/${gallerySearch}`}>Dailies</Link>
          </h1>
          <p className="hidden text-sm text-zinc-500 lg:block dark:text-zinc-400">Still image + prompt → short Runway takes</p>
          <nav aria-label="Studio" className="ml-auto flex items-center gap-1">
            <NavLink to="/projects" className={navLinkClass}>
              Projects
            </NavLink>
            <NavLink to="/usage" className={navLinkClass}>
              Usage
            </NavLink>
          </nav>
          <NotifyToggle />
          {session && <SignedInAs session={session} />}
        </div>
      </header>
      <main className="mx-auto grid max-w-screen-2xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[minmax(22rem,26rem)_1fr] lg:items-start">
        <section aria-labelledby="new-take-heading" className={`${panelClass} p-5 lg:sticky lg:top-6`}>
          <h2 id="new-take-heading" tabIndex={-1} className="mb-5 text-base font-semibold">
            New take
          </h2>
          <Suspense
            fallback={
              <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
                Loading the form…
              </p>
            }
          >
            <TakePanel draft={draft} onCreated={refreshGallery} />
          </Suspense>
        </section>
        <div className="min-w-0">
          <Outlet context={outletContext} />
        </div>
      </main>
      <Toaster toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
