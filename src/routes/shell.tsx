import { useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useQuery } from "@tanstack/react-query";
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { useStoredFlag } from "@/hooks/use-stored-flag";
import { useGalleryScroll } from "@/features/gallery/hooks/use-gallery-scroll";
import { useRefreshGallery } from "@/features/gallery/hooks/use-refresh-gallery";
import { useWatchTakes } from "@/features/gallery/hooks/use-watch-takes";
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
import { ConnectionBanner } from "@/features/status/components/connection-banner";
import type { Take } from "@/shared/take";
import { announceBatch } from "./batch-announcement";
import { FORM_HEADING_ID, FORM_PANEL_ID, FormPanel } from "./form-panel";

/** How long a batch just made stays marked in the gallery. */
const HIGHLIGHT_MS = 2500;

/** What the pages inside the studio (gallery, take detail) may ask of it. */
export type ShellOutletContext = {
  /** Load settings into the form and bring the form into view. */
  sendDraft: (draft: FormDraft) => void;
  /** Who is looking (the session gate guarantees someone): decides Delete, "Mine only" and "by …". */
  viewer: Viewer | undefined;
  /** The batch just made, while the gallery should bring it into view and mark it. */
  highlight: string | null;
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
  const [highlight, setHighlight] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useStoredFlag("dailies.form-open", true);
  const formRequested = useRef(false);
  const { toasts, show, dismiss } = useToasts();
  const openTake = useMatch("/g/:id")?.params.id;
  const { data: session } = useQuery(sessionQueryOptions());
  // The gallery's last filters, so coming back from a take returns to the same view.
  const location = useLocation();
  const [gallerySearch, setGallerySearch] = useState(location.search);
  if (location.pathname === "/" && location.search !== gallerySearch) setGallerySearch(location.search);
  useGalleryScroll(location.pathname, location.search);
  // After the scroll memory: a draft sent from a take shows the form, not the gallery's old place.
  useLayoutEffect(() => {
    if (!formRequested.current) return;
    formRequested.current = false;
    const heading = document.getElementById(FORM_HEADING_ID);
    heading?.scrollIntoView?.({ block: "start" });
    heading?.focus();
  }, [draft]);

  function announce(takes: readonly [Take, ...Take[]]) {
    const { toast, title, body, href } = announceBatch(takes);
    show(toast);
    notifyInBackground({ title, body, tag: takes[0].batchId, onClick: () => void navigate(href) });
  }

  const running = useWatchTakes({ onSettled: announce, except: openTake });
  useTitleCount(running.length);

  async function created(takes: Take[]) {
    await refreshGallery(takes);
    const batchId = takes[0]?.batchId;
    if (!batchId) return;
    setHighlight(batchId);
    setTimeout(() => setHighlight((current) => (current === batchId ? null : current)), HIGHLIGHT_MS);
  }

  function openForm() {
    flushSync(() => setFormOpen(true));
    document.getElementById(FORM_HEADING_ID)?.focus();
  }

  function hideForm() {
    flushSync(() => setFormOpen(false));
    document.getElementById("make-a-take")?.focus();
  }

  const outletContext: ShellOutletContext = {
    sendDraft: (next) => {
      formRequested.current = true;
      setFormOpen(true);
      setDraft(next);
      void navigate(`/${gallerySearch}`);
    },
    viewer: toViewer(session),
    highlight,
  };

  // On one column (phones), a take's page shows the take first; the gallery keeps the form on top.
  // The DOM order changes, not only the look, so reading and Tab order follow what is seen.
  const form = (
    <FormPanel
      key="form"
      open={formOpen}
      onHide={hideForm}
      draft={draft}
      onCreated={(takes) => void created(takes)}
      creator={session?.user?.name}
      className={formOpen ? "lg:col-start-1 lg:row-start-1" : ""}
    />
  );
  const page = (
    <div key="page" className={`min-w-0 ${formOpen ? "lg:col-start-2 lg:row-start-1" : ""}`}>
      <Outlet context={outletContext} />
    </div>
  );

  return (
    <div className="min-h-dvh">
      <header className="border-b border-zinc-200 bg-white/80 dark:border-zinc-800 dark:bg-zinc-900/60">
        {/* Inside the banner landmark, so no content of the page sits outside one. */}
        <ConnectionBanner />
        <SimulatorBanner />
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
          <h1 className="text-lg font-semibold tracking-tight">
            <Link to={`/${gallerySearch}`}>Dailies</Link>
          </h1>
          <p className="hidden text-sm text-zinc-500 lg:block dark:text-zinc-400">Still image + prompt → short Runway takes</p>
          {!formOpen && (
            <Button id="make-a-take" size="sm" variant="primary" aria-expanded={false} aria-controls={FORM_PANEL_ID} onClick={openForm}>
              Make a take
            </Button>
          )}
          <nav aria-label="Studio" className="ml-auto flex items-center gap-1">
            <NavLink to="/projects" className={navLinkClass}>
              Projects
            </NavLink>
            <NavLink to="/usage" className={navLinkClass}>
              Usage
            </NavLink>
            <NavLink to="/insights" className={navLinkClass}>
              Insights
            </NavLink>
          </nav>
          <NotifyToggle />
          {session && <SignedInAs session={session} />}
        </div>
      </header>
      <main className={`mx-auto grid max-w-screen-2xl gap-6 px-4 py-6 sm:px-6 lg:items-start ${formOpen ? "lg:grid-cols-[minmax(22rem,26rem)_1fr]" : ""}`}>
        {openTake ? [page, form] : [form, page]}
      </main>
      <Toaster toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
