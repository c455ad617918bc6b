import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { useLocation } from "react-router";
import { json, makeCompleted, requestsTo, stubBff } from "@/test/fake-bff";
import type { ProjectDetail } from "@/shared/project";
import { renderWithProviders } from "@/test/render";
import { Gallery } from "./gallery";

function CurrentSearch() {
  return <output aria-label="Current address">{useLocation().search}</output>;
}

const project = (id: string, name: string) => ({ id, name, description: null, createdAt: "2025-01-01T09:00:00.000Z", createdBy: "ana" });
const shot = (id: string, projectId: string, code: string, order: number) => ({
  id,
  projectId,
  code,
  description: null,
  order,
  counts: { takes: 0, circled: 0, rejected: 0, notes: 0 },
  circledTakeId: null,
  createdAt: "2025-01-01T09:00:00.000Z",
});
const details: Record<string, ProjectDetail> = {
  p1: { ...project("p1", "Harbour film"), shots: [shot("s1", "p1", "SH010", 1), shot("s2", "p1", "SH020", 2)] },
  p2: { ...project("p2", "Night market"), shots: [shot("s3", "p2", "SH100", 1)] },
};

function stubProjects() {
  return stubBff({
    "GET /api/projects": () => json(200, { items: [project("p1", "Harbour film"), project("p2", "Night market")] }),
    "GET /api/projects/:id": ({ params }) => json(200, details[params.id ?? ""]),
    "GET /api/generations": () => json(200, { items: [makeCompleted({ id: "g1", prompt: "Harbour at dawn" })], nextCursor: null }),
  });
}

function renderGallery(route = "/") {
  return renderWithProviders(
    <>
      <Gallery />
      <CurrentSearch />
    </>,
    { route },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("Project, shot and review filters", () => {
  it("writes project, shot and review to the address and the request, and lists them in words", async () => {
    const fetchMock = stubProjects();
    const { user } = renderGallery();
    const address = screen.getByRole("status", { name: "Current address" });
    const projectSelect = screen.getByRole("combobox", { name: "Filter by Project" });
    const shotSelect = screen.getByRole("combobox", { name: "Filter by Shot" });
    expect(shotSelect).toBeDisabled();

    await user.selectOptions(projectSelect, await screen.findByRole("option", { name: "Harbour film" }));
    await user.selectOptions(shotSelect, await screen.findByRole("option", { name: "SH020" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by Review" }), "Circled");
    expect(address).toHaveTextContent("?projectId=p1&shotId=s2&review=circled");
    await waitFor(() =>
      expect(Object.fromEntries(requestsTo(fetchMock, "GET", "/api/generations").at(-1)?.url.searchParams ?? [])).toEqual({
        limit: "24",
        projectId: "p1",
        shotId: "s2",
        review: "circled",
      }),
    );

    const summary = screen.getByRole("list", { name: "Showing only:" });
    expect(within(summary).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["Project: Harbour film×", "Shot: SH020×", "Review: Circled×"]);

    // Another project's shot would match nothing: choosing a project drops the shot.
    await user.selectOptions(projectSelect, "Night market");
    expect(address).toHaveTextContent("?projectId=p2&review=circled");
    expect(await screen.findByRole("option", { name: "SH100" })).toBeInTheDocument();

    await user.click(within(summary).getByRole("button", { name: "Remove filter Review: Circled" }));
    expect(address).toHaveTextContent("?projectId=p2");
    await user.click(screen.getByRole("button", { name: "Remove filter Project: Night market" }));
    expect(address).toHaveTextContent(/^$/);
    expect(screen.queryByRole("list", { name: "Showing only:" })).not.toBeInTheDocument();
  });

  it("reads a shared link's project and shot, and ?favourite=1 as favourites only", async () => {
    const fetchMock = stubProjects();
    renderGallery("/?projectId=p1&shotId=s1&favourite=1&review=maybe");
    const summary = await screen.findByRole("list", { name: "Showing only:" });
    await waitFor(() => expect(within(summary).getByText("Project: Harbour film")).toBeInTheDocument());
    await waitFor(() => expect(within(summary).getByText("Shot: SH010")).toBeInTheDocument());
    expect(within(summary).getByText("Favourites only")).toBeInTheDocument();
    expect(within(summary).getByText("Review: Maybe")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Favourites only" })).toBeChecked();
    expect(screen.getByRole("combobox", { name: "Filter by Shot" })).toHaveValue("s1");

    const sent = requestsTo(fetchMock, "GET", "/api/generations")[0]?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({ limit: "24", favourite: "true", projectId: "p1", shotId: "s1", review: "maybe" });
  });
});
