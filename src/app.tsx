import { Suspense, lazy, useState } from "react";
import type { ReactNode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router";
import { createQueryClient } from "@/lib/query-client";
import { GalleryRoute } from "@/routes/gallery";
import { NotFoundRoute } from "@/routes/not-found";
import { SessionGate } from "@/routes/session-gate";
import { ShellRoute } from "@/routes/shell";

// Pages most visits never reach load when they are opened: the detail page, the usage report,
// and the sign-in form (which brings the form library with it).
const TakeRoute = lazy(() => import("@/routes/take").then((module) => ({ default: module.TakeRoute })));
const UsageRoute = lazy(() => import("@/routes/usage").then((module) => ({ default: module.UsageRoute })));
const InsightsRoute = lazy(() => import("@/routes/insights").then((module) => ({ default: module.InsightsRoute })));
const DailiesSessionRoute = lazy(() => import("@/routes/dailies-session").then((module) => ({ default: module.DailiesSessionRoute })));
const ReviewRoute = lazy(() => import("@/routes/review").then((module) => ({ default: module.ReviewRoute })));
const CompareRoute = lazy(() => import("@/routes/compare").then((module) => ({ default: module.CompareRoute })));
const SignInRoute = lazy(() => import("@/routes/sign-in").then((module) => ({ default: module.SignInRoute })));
const ProjectsRoute = lazy(() => import("@/routes/projects").then((module) => ({ default: module.ProjectsRoute })));
const ProjectBoardRoute = lazy(() => import("@/routes/project-board").then((module) => ({ default: module.ProjectBoardRoute })));

function Loading({ what, children }: { what: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
          {what}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="sign-in"
        element={
          <Loading what="Opening the sign-in page…">
            <SignInRoute />
          </Loading>
        }
      />
      <Route element={<SessionGate />}>
        <Route
          path="review"
          element={
            <Loading what="Opening review…">
              <ReviewRoute />
            </Loading>
          }
        />
        <Route element={<ShellRoute />}>
          <Route index element={<GalleryRoute />} />
          <Route
            path="g/:id"
            element={
              <Loading what="Loading the take…">
                <TakeRoute />
              </Loading>
            }
          />
          <Route
            path="usage"
            element={
              <Loading what="Loading usage…">
                <UsageRoute />
              </Loading>
            }
          />
          <Route
            path="insights"
            element={
              <Loading what="Loading insights…">
                <InsightsRoute />
              </Loading>
            }
          />
          <Route
            path="p/:projectId/session"
            element={
              <Loading what="Loading the dailies session…">
                <DailiesSessionRoute />
              </Loading>
            }
          />
          <Route
            path="projects"
            element={
              <Loading what="Loading projects…">
                <ProjectsRoute />
              </Loading>
            }
          />
          <Route
            path="compare"
            element={
              <Loading what="Opening the comparison…">
                <CompareRoute />
              </Loading>
            }
          />
          <Route
            path="p/:projectId"
            element={
              <Loading what="Loading the shot board…">
                <ProjectBoardRoute />
              </Loading>
            }
          />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(() => createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
