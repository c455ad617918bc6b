import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { apiError, json, makeCompleted, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";

const takes = {
  g1: makeCompleted({ id: "g1", prompt: "Harbour at dusk" }),
  g2: makeCompleted({ id: "g2", prompt: "Gulls over the pier" }),
  g3: makeCompleted({ id: "g3", prompt: "Lighthouse beam" }),
};
const byId: FakeHandler = ({ params }) => {
  const take = takes[params.id as keyof typeof takes];
  return take ? json(200, take) : apiError(404, "not_found", `There is no take with id "${params.id}".`);
};

function renderAt(route: string, routes: Record<string, FakeHandler> = {}, history: string[] = []) {
  const fetchMock = stubBff({ "GET /api/generations/:id": byId, "GET /api/generations/:id/notes": () => json(200, { items: [] }), ...routes });
  return { fetchMock, ...renderWithProviders(<AppRoutes />, { route, history }) };
}

// The review page is a lazy chunk: its first render can take a moment in a busy test run.
const LAZY = { timeout: 5000 };
const reviewHeading = () => screen.findByRole("heading", { level: 1, name: /^Take \d+ of \d+/ }, LAZY);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Review mode (/review)", () => {
  it("goes through a selection in its order, saying which ids it could not find", async () => {
    renderAt("/review?ids=g2,g9,g1");
    expect(await reviewHeading()).toHaveTextContent("Take 1 of 2 · Gulls over the pier");
    expect(screen.getByRole("note")).toHaveTextContent("Not found (deleted?): g9.");
    expect(screen.getByLabelText("Take: Gulls over the pier")).toBeInTheDocument();
  });

  it("goes through what a filter of the list finds, every page of it", async () => {
    const { fetchMock } = renderAt("/review?projectId=p1&review=unreviewed&unknown=1", {
      "GET /api/generations": ({ url }) =>
        url.searchParams.get("cursor") === "c2" ? json(200, { items: [takes.g3], nextCursor: null }) : json(200, { items: [takes.g1, takes.g2], nextCursor: "c2" }),
    });
    expect(await reviewHeading()).toHaveTextContent("Take 1 of 3 · Harbour at dusk");
    const asked = requestsTo(fetchMock, "GET", "/api/generations").map(({ url }) => Object.fromEntries(url.searchParams));
    expect(asked).toEqual([
      { projectId: "p1", review: "unreviewed", limit: "100" },
      { projectId: "p1", review: "unreviewed", limit: "100", cursor: "c2" },
    ]);
  });

  it("reviews one shot by its shotId", async () => {
    const { fetchMock } = renderAt("/review?shotId=s1", { "GET /api/generations": () => json(200, { items: [takes.g3], nextCursor: null }) });
    expect(await reviewHeading()).toHaveTextContent("Take 1 of 1 · Lighthouse beam");
    expect(requestsTo(fetchMock, "GET", "/api/generations")[0]?.url.searchParams.get("shotId")).toBe("s1");
  });

  it("says so when nothing matches", async () => {
    renderAt("/review?review=maybe");
    expect(await screen.findByRole("heading", { name: "Nothing to review here" }, LAZY)).toBeInTheDocument();
    expect(screen.getByText("No take matches these filters.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to all takes" })).toHaveAttribute("href", "/");
  });

  it("leaves with Esc back to the page it was opened from", async () => {
    const { user } = renderAt("/review?ids=g1", {}, ["/usage"]);
    await reviewHeading();
    await user.keyboard("{Escape}");
    expect(await screen.findByRole("heading", { level: 2, name: /usage/i }, LAZY)).toBeInTheDocument();
  });

  it("leaves with Esc to the gallery when opened directly", async () => {
    const { user } = renderAt("/review?ids=g1");
    await reviewHeading();
    await user.keyboard("{Escape}");
    expect(await screen.findByRole("region", { name: "Takes" }, LAZY)).toBeInTheDocument();
  });
});
