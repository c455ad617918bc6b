import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { apiError, makeCompleted, requestsTo, stubBff } from "@/test/fake-bff";
import { fakeProjectRoutes, makeProject, makeShot } from "@/test/fake-projects";
import { renderWithProviders } from "@/test/render";
import { TakeShotSelect } from "./take-shot-select";

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;

function renderSelect(routes = {}) {
  const take = makeCompleted({ id: "t1", projectId: "p1", shotId: "s1" });
  const studio = {
    projects: [
      makeProject({ id: "p2", name: "Harbour at night", shots: [makeShot({ id: "h1", projectId: "p2", code: "HB010" })] }),
      makeProject({ id: "p1", name: "Lighthouse spot", shots: [makeShot({ id: "s1", code: "SH010" }), makeShot({ id: "s2", code: "SH020", order: 2 })] }),
    ],
    takes: [take],
  };
  const fetchMock = stubBff({ ...fakeProjectRoutes(studio), ...routes });
  const onMoved = vi.fn();
  return { fetchMock, onMoved, ...renderWithProviders(<TakeShotSelect take={take} onMoved={onMoved} />) };
}

const project = () => screen.getByRole("combobox", { name: "Project" });
const shot = () => screen.getByRole("combobox", { name: "Shot" });
const patches = (fetchMock: ReturnType<typeof stubBff>) => requestsTo(fetchMock, "PATCH", "/api/generations/t1").map((r) => bodyOf(r.init));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("TakeShotSelect", () => {
  it("shows the take's shot and moves it to another shot of the project", async () => {
    const { user, fetchMock, onMoved } = renderSelect();
    await within(shot()).findByRole("option", { name: "SH020" });
    await within(project()).findByRole("option", { name: "Lighthouse spot" });
    expect(project()).toHaveValue("p1");
    expect(shot()).toHaveValue("s1");

    await user.selectOptions(shot(), "SH020");
    expect(await screen.findByText("Moved to SH020.")).toBeInTheDocument();
    expect(shot()).toHaveValue("s2");
    expect(patches(fetchMock)).toEqual([{ shotId: "s2" }]);
    expect(onMoved).toHaveBeenCalledWith(expect.objectContaining({ id: "t1", shotId: "s2" }));
  });

  it("moves it to a shot of another project only once a shot is chosen", async () => {
    const { user, fetchMock } = renderSelect();
    await user.selectOptions(project(), await within(project()).findByRole("option", { name: "Harbour at night" }));
    expect(await within(shot()).findByRole("option", { name: "HB010" })).toBeInTheDocument();
    expect(shot()).toHaveDisplayValue("Choose a shot…");
    expect(patches(fetchMock)).toEqual([]);

    await user.selectOptions(shot(), "HB010");
    await waitFor(() => expect(shot()).toHaveValue("h1"));
    expect(patches(fetchMock)).toEqual([{ shotId: "h1" }]);
  });

  it("takes it out of every shot with No project", async () => {
    const { user, fetchMock } = renderSelect();
    await user.selectOptions(project(), await within(project()).findByRole("option", { name: "No project" }));
    expect(await screen.findByText("Taken out of its shot.")).toBeInTheDocument();
    expect(shot()).toBeDisabled();
    expect(patches(fetchMock)).toEqual([{ shotId: null }]);
  });

  it("shows the server's refusal", async () => {
    const { user } = renderSelect({ "PATCH /api/generations/:id": () => apiError(400, "validation_failed", "There is no shot with id \"s2\".", { shotId: "Choose another shot." }) });
    await user.selectOptions(shot(), await within(shot()).findByRole("option", { name: "SH020" }));
    expect(await screen.findByRole("alert")).toHaveTextContent('There is no shot with id "s2".');
    expect(shot()).toHaveValue("s1");
  });
});
