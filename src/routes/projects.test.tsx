import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { makeTake, requestsTo, stubBff } from "@/test/fake-bff";
import { fakeProjectRoutes, makeProject } from "@/test/fake-projects";
import type { FakeStudio } from "@/test/fake-projects";
import { renderWithProviders } from "@/test/render";

const LAZY = { timeout: 5000 };
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;

function renderProjects(studio: FakeStudio, route = "/projects") {
  const fetchMock = stubBff(fakeProjectRoutes(studio));
  return { fetchMock, ...renderWithProviders(<AppRoutes />, { route }) };
}

const projectNames = () => within(screen.getByRole("list", { name: "Projects" })).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Projects (/projects)", () => {
  it("is reached from the header and lists projects newest first, each opening its board", async () => {
    const studio = { projects: [makeProject({ id: "p2", name: "Harbour at night" }), makeProject({ id: "p1", name: "Lighthouse spot", description: "Dawn to dusk" })], takes: [] };
    const { user } = renderProjects(studio, "/");
    await user.click(within(await screen.findByRole("navigation", { name: "Studio" })).getByRole("link", { name: "Projects" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Projects" }, LAZY)).toBeInTheDocument();
    await screen.findByRole("list", { name: "Projects" });
    expect(projectNames()).toEqual(["Harbour at night", "Lighthouse spot"]);
    expect(screen.getByText("Dawn to dusk")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Lighthouse spot" })).toHaveAttribute("href", "/p/p1");
  });

  it("creates a project from a name and description, and names an empty name at its field", async () => {
    const studio = { projects: [makeProject({ id: "p1", name: "Lighthouse spot" })], takes: [] };
    const { user, fetchMock } = renderProjects(studio);
    const form = await screen.findByRole("form", { name: "New project" }, LAZY);
    await user.click(within(form).getByRole("button", { name: "Create project" }));
    expect(await within(form).findByText("Name the project: the name is empty.")).toBeInTheDocument();
    expect(requestsTo(fetchMock, "POST", "/api/projects")).toHaveLength(0);

    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Harbour at night");
    await user.type(within(form).getByRole("textbox", { name: "Description (optional)" }), "Two boats");
    await user.click(within(form).getByRole("button", { name: "Create project" }));
    await waitFor(() => expect(projectNames()).toEqual(["Harbour at night", "Lighthouse spot"]));
    expect(requestsTo(fetchMock, "POST", "/api/projects").map((r) => bodyOf(r.init))).toEqual([{ name: "Harbour at night", description: "Two boats" }]);
    expect(within(form).getByRole("textbox", { name: "Name" })).toHaveValue("");
  });

  it("offers a new project in the form's shot picker at once", async () => {
    const { user } = renderProjects({ projects: [makeProject({ id: "p1", name: "Lighthouse spot" })], takes: [] });
    const picker = within(await screen.findByRole("form", { name: "New take" }, LAZY)).getByRole("combobox", { name: "Project" });
    await within(picker).findByRole("option", { name: "Lighthouse spot" });
    const form = screen.getByRole("form", { name: "New project" });
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Harbour at night");
    await user.click(within(form).getByRole("button", { name: "Create project" }));
    expect(await within(picker).findByRole("option", { name: "Harbour at night" })).toBeInTheDocument();
  });

  it("renames a project in place", async () => {
    const studio = { projects: [makeProject({ id: "p1", name: "Lighthouse spot", description: "Dawn" })], takes: [] };
    const { user, fetchMock } = renderProjects(studio);
    await user.click(await screen.findByRole("button", { name: "Rename Lighthouse spot" }, LAZY));
    const form = screen.getByRole("form", { name: "Rename Lighthouse spot" });
    const name = within(form).getByRole("textbox", { name: "Name" });
    expect(name).toHaveValue("Lighthouse spot");
    await user.clear(name);
    await user.type(name, "Lighthouse, final");
    await user.clear(within(form).getByRole("textbox", { name: "Description (optional)" }));
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("link", { name: "Lighthouse, final" })).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: /Rename/ })).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, "PATCH", "/api/projects/p1").map((r) => bodyOf(r.init))).toEqual([{ name: "Lighthouse, final", description: null }]);
  });

  it("shows the BFF's refusal to delete a project that holds takes, and deletes an empty one", async () => {
    const studio = {
      projects: [makeProject({ id: "p2", name: "Empty" }), makeProject({ id: "p1", name: "Busy" })],
      takes: [makeTake({ id: "t1", projectId: "p1", shotId: "s1" }), makeTake({ id: "t2", projectId: "p1", shotId: "s1" })],
    };
    const { user, fetchMock } = renderProjects(studio);
    await user.click(await screen.findByRole("button", { name: "Delete Busy" }, LAZY));
    const dialog = screen.getByRole("dialog", { name: "Delete the project “Busy”?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete project" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("This project holds 2 takes.");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(projectNames()).toEqual(["Empty", "Busy"]);

    await user.click(screen.getByRole("button", { name: "Delete Empty" }));
    await user.click(within(screen.getByRole("dialog", { name: "Delete the project “Empty”?" })).getByRole("button", { name: "Delete project" }));
    await waitFor(() => expect(projectNames()).toEqual(["Busy"]));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, "DELETE", "/api/projects/p2")).toHaveLength(1);
  });
});
