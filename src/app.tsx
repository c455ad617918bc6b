import { Suspense, lazy, useState } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router";
import { createQueryClient } from "@/lib/query-client";
import { GalleryRoute } from "@/routes/gallery";
import { NotFoundRoute } from "@/routes/not-found";
import { StudioRoute } from "@/routes/studio";

// The detail page is the one place most visits never reach: load it when it is opened.
const TakeRoute = lazy(() => import("@/routes/take").then((module) => ({ default: module.TakeRoute })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<StudioRoute />}>
        <Route index element={<GalleryRoute />} />
        <Route
          path="g/:id"
          element={
            <Suspense
              fallback={
                <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
                  Loading the take…
                </p>
              }
            >
              <TakeRoute />
            </Suspense>
          }
        />
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
