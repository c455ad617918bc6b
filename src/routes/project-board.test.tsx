import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { json, makeCompleted, makeTake, makeUpload, pngFile, requestsTo, stubBff } from "@/test/fake-bff";
import { fakeProjectRoutes, makeProject, makeShot } from "@/test/fake-projects";
import type { FakeStudio } from "@/test/fake-projects";
import { renderWithProviders } from "@/test/render";

const LAZY = { timeout: 5000 };
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;
const at = (minute: number) => `2025-01-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

function boardStudio(): FakeStudio {
  const shots = [
    makeShot({ id: "s1", code: "SH010", description: "Wide of the lighthouse", order: 1, counts: { takes: 4, circled: 1, rejected: 1, notes: 3 }, circledTakeId: "t3" }),
    makeShot({ id: "s2", code: "SH020", description: "Close on the lamp", order: 2 }),
    makeShot({ id: "s3", code: "SH030", order: 3, counts: { takes: 1, circled: 0, rejected: 0, notes: 1 } }),
  ];
  const inShot = { projectId: "p1", shotId: "s1" };
  return {
    projects: [makeProject({ id: "p1", name: "Lighthouse spot", shots })],
    takes: [
      makeCompleted({ id: "t1", ...inShot, prompt: "Dawn", seed: 1, createdAt: at(1), batchId: "t1", review: { state: "rejected", by: "ana", at: at(9) } }),
      makeCompleted({ id: "t2", ...inShot, prompt: "Noon", seed: 2, createdAt: at(2), batchId: "t2" }),
      makeCompleted({ id: "t3", ...inShot, prompt: "Noon", seed: 3, createdAt: at(2), batchId: "t2", review: { state: "circled", by: "ana", at: at(9) } }),
      makeTake({ id: "t4", ...inShot, prompt: "Dusk", seed: 4, createdAt: at(4), batchId: "t4", status: "generating" }),
      makeCompleted({ id: "t5", projectId: "p1", shotId: "s3", prompt: "Lamp", seed: 5, createdAt: at(5), batchId: "t5" }),
    ],
  };
}

function renderBoard(studio = boardStudio()) {
  const fetchMock = stubBff(fakeProjectRoutes(studio));
  return { fetchMock, studio, ...renderWithProviders(<AppRoutes />, { route: "/p/p1" }) };
}

const shotsList = () => screen.getByRole("list", { name: "Shots" });
const rowCodes = () => within(shotsList()).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
const row = (code: string) => within(shotsList()).getByRole("listitem", { name: code });
const posterLinks = (code: string) => within(within(row(code)).getByRole("list", { name: `Takes of ${code}` })).getAllByRole("link");

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Shot board (/p/:projectId)", () => {
  it("shows one row per shot in order with its counts, and its takes as made, circled first and marked, batches together", async () => {
    renderBoard();
    expect(await screen.findByRole("heading", { level: 2, name: "Lighthouse spot" }, LAZY)).toBeInTheDocument();
    expect(rowCodes()).toEqual(["SH010", "SH020", "SH030"]);
    const first = row("SH010");
    expect(within(first).getByText("Wide of the lighthouse")).toBeInTheDocument();
    expect(within(first).getByText("4 takes · 1 circled · 1 rejected · 3 notes")).toBeInTheDocument();
    expect(within(row("SH030")).getByText("1 take · 0 circled · 0 rejected · 1 note")).toBeInTheDocument();

    await waitFor(() => expect(posterLinks("SH010")).toHaveLength(4));
    const links = posterLinks("SH010");
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["/g/t3", "/g/t2", "/g/t1", "/g/t4"]);
    expect(links[0]).toHaveTextContent(/^Circled/);
    expect(links.filter((link) => /Circled/.test(link.textContent ?? ""))).toHaveLength(1);
    expect(links[2]).toHaveTextContent("Rejected");
    expect(links[3]).toHaveTextContent("seed 4 · generating");
    const batch = within(first).getByRole("group", { name: "Batch of 2 takes" });
    expect(within(batch).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["/g/t3", "/g/t2"]);
    expect(within(row("SH020")).getByText(/No takes yet/)).toBeInTheDocument();
  });

  it("adds a shot at the end and renames one, sending the code and description", async () => {
    const { user, fetchMock } = renderBoard();
    const form = await screen.findByRole("form", { name: "Add a shot" }, LAZY);
    expect(within(form).getByRole("textbox", { name: "Code" })).toHaveAttribute("placeholder", "SH040");
    await user.type(within(form).getByRole("textbox", { name: "Code" }), "sh010");
    await user.click(within(form).getByRole("button", { name: "Add shot" }));
    expect(await within(form).findByText("Choose another code.")).toBeInTheDocument();

    await user.clear(within(form).getByRole("textbox", { name: "Code" }));
    await user.type(within(form).getByRole("textbox", { name: "Code" }), "SH040");
    await user.type(within(form).getByRole("textbox", { name: "Description (optional)" }), "Keeper walks out");
    await user.click(within(form).getByRole("button", { name: "Add shot" }));
    await waitFor(() => expect(rowCodes()).toEqual(["SH010", "SH020", "SH030", "SH040"]));
    expect(requestsTo(fetchMock, "POST", "/api/projects/p1/shots").map((r) => bodyOf(r.init))).toEqual([
      { code: "sh010", description: null },
      { code: "SH040", description: "Keeper walks out" },
    ]);

    await user.click(screen.getByRole("button", { name: "Rename SH020" }));
    const rename = screen.getByRole("form", { name: "Rename SH020" });
    await user.clear(within(rename).getByRole("textbox", { name: "Code" }));
    await user.type(within(rename).getByRole("textbox", { name: "Code" }), "SH025");
    await user.click(within(rename).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(rowCodes()).toEqual(["SH010", "SH025", "SH030", "SH040"]));
    expect(within(row("SH025")).getByText("Close on the lamp")).toBeInTheDocument();
    expect(requestsTo(fetchMock, "PATCH", "/api/shots/s2").map((r) => bodyOf(r.init))).toEqual([{ code: "SH025", description: "Close on the lamp" }]);
  });

  it("reorders shots by keyboard (Move up, Alt+↓ on the row) and announces where each landed", async () => {
    const { user, fetchMock } = renderBoard();
    await screen.findByRole("list", { name: "Shots" }, LAZY);
    expect(screen.getByRole("button", { name: "Move up SH010" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move down SH030" })).toBeDisabled();

    screen.getByRole("button", { name: "Move up SH030" }).focus();
    await user.keyboard("{Enter}");
    expect(rowCodes()).toEqual(["SH010", "SH030", "SH020"]);
    expect(screen.getByRole("status", { name: "Shot order" })).toHaveTextContent("SH030 moved to position 2 of 3.");
    expect(screen.getByRole("button", { name: "Move up SH030" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(rowCodes()).toEqual(["SH030", "SH010", "SH020"]);
    // At the top, "Move up" is disabled: focus goes to the row.
    expect(row("SH030")).toHaveFocus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(rowCodes()).toEqual(["SH010", "SH030", "SH020"]);

    row("SH010").focus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(rowCodes()).toEqual(["SH030", "SH010", "SH020"]);
    expect(row("SH010")).toHaveFocus();
    expect(screen.getByRole("status", { name: "Shot order" })).toHaveTextContent("SH010 moved to position 2 of 3.");

    await waitFor(() => expect(requestsTo(fetchMock, "PATCH", "/api/shots/s1")).toHaveLength(1));
    expect(requestsTo(fetchMock, "PATCH", "/api/shots/s3").map((r) => bodyOf(r.init))).toEqual([{ order: 2 }, { order: 1 }, { order: 2 }]);
    expect(requestsTo(fetchMock, "PATCH", "/api/shots/s1").map((r) => bodyOf(r.init))).toEqual([{ order: 2 }]);
    await waitFor(() => expect(requestsTo(fetchMock, "GET", "/api/projects/p1").length).toBeGreaterThan(4));
    expect(rowCodes()).toEqual(["SH030", "SH010", "SH020"]);
  });

  it("reorders shots by drag and drop", async () => {
    const { fetchMock } = renderBoard();
    await screen.findByRole("list", { name: "Shots" }, LAZY);
    const handle = within(row("SH020")).getByTitle(/Drag SH020/);
    fireEvent.dragStart(handle);
    fireEvent.dragOver(row("SH010"));
    fireEvent.drop(row("SH010"));
    await waitFor(() => expect(rowCodes()).toEqual(["SH020", "SH010", "SH030"]));
    await waitFor(() => expect(requestsTo(fetchMock, "PATCH", "/api/shots/s2").map((r) => bodyOf(r.init))).toEqual([{ order: 1 }]));
  });

  it("opens 2 to 4 selected takes in compare, and any selection in review", async () => {
    const { user } = renderBoard();
    await waitFor(() => expect(screen.getAllByRole("checkbox")).toHaveLength(5), LAZY);
    const bar = screen.getByRole("group", { name: "Selected takes" });
    await user.click(screen.getByRole("checkbox", { name: "Select Dawn, seed 1" }));
    expect(within(bar).queryByRole("link", { name: /Compare/ })).not.toBeInTheDocument();
    expect(within(bar).getByText("Compare needs 2 to 4 takes")).toBeInTheDocument();
    expect(within(bar).getByRole("link", { name: "Review (1)" })).toHaveAttribute("href", "/review?ids=t1");

    await user.click(screen.getByRole("checkbox", { name: "Select Lamp, seed 5" }));
    expect(within(bar).getByRole("link", { name: "Compare (2)" })).toHaveAttribute("href", "/compare?ids=t1,t5");
    for (const name of ["Select Noon, seed 2", "Select Noon, seed 3", "Select Dusk, seed 4"]) await user.click(screen.getByRole("checkbox", { name }));
    expect(within(bar).queryByRole("link", { name: /Compare/ })).not.toBeInTheDocument();
    expect(within(bar).getByText("Compare takes at most 4")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Select Dawn, seed 1" }));
    expect(within(bar).getByRole("link", { name: "Compare (4)" })).toHaveAttribute("href", "/compare?ids=t5,t2,t3,t4");
    await user.click(within(bar).getByRole("button", { name: "Clear selection" }));
    expect(screen.getAllByRole("checkbox").filter((box) => (box as HTMLInputElement).checked)).toHaveLength(0);
  });

  it("shows the BFF's refusal to delete a shot that holds takes", async () => {
    const { user } = renderBoard();
    await user.click(await screen.findByRole("button", { name: "Delete SH010" }, LAZY));
    const dialog = screen.getByRole("dialog", { name: "Delete the shot SH010?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete shot" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("This shot holds 4 takes.");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));

    await user.click(screen.getByRole("button", { name: "Delete SH020" }));
    await user.click(within(screen.getByRole("dialog", { name: "Delete the shot SH020?" })).getByRole("button", { name: "Delete shot" }));
    await waitFor(() => expect(rowCodes()).toEqual(["SH010", "SH030"]));
  });

  it("shows a take made in the form into one of its shots at once", async () => {
    const studio = boardStudio();
    const fetchMock = stubBff({
      ...fakeProjectRoutes(studio),
      "POST /api/uploads": () => json(201, makeUpload()),
      "POST /api/generations/batch": ({ init }) => {
        const { shotId } = JSON.parse(String(init?.body)) as { shotId: string };
        const made = makeTake({ id: "t9", prompt: "Fresh", shotId, projectId: "p1" });
        studio.takes.push(made);
        return json(201, { items: [made] });
      },
    });
    const { user } = renderWithProviders(<AppRoutes />, { route: "/p/p1" });
    expect(await within(await screen.findByRole("listitem", { name: "SH020" }, LAZY)).findByText(/No takes yet/)).toBeInTheDocument();

    const form = await screen.findByRole("form", { name: "New take" }, LAZY);
    await user.selectOptions(within(form).getByRole("combobox", { name: "Project" }), await within(form).findByRole("option", { name: "Lighthouse spot" }));
    await user.selectOptions(within(form).getByRole("combobox", { name: "Shot" }), await within(form).findByRole("option", { name: "SH020 · Close on the lamp" }));
    await user.upload(within(form).getByLabelText(/choose first frame file/i), pngFile());
    await within(form).findByText("1920×1080 · 1.78:1");
    await user.type(within(form).getByRole("textbox", { name: /prompt/i }), "Fresh");
    await user.click(within(form).getByRole("button", { name: "Generate" }));

    await waitFor(() => expect(posterLinks("SH020").map((link) => link.getAttribute("href"))).toEqual(["/g/t9"]));
    expect(requestsTo(fetchMock, "POST", "/api/generations/batch").map((r) => bodyOf(r.init))).toEqual([
      expect.objectContaining({ prompt: "Fresh", shotId: "s2" }),
    ]);
  });

  it("says so when the project does not exist", async () => {
    stubBff(fakeProjectRoutes({ projects: [], takes: [] }));
    renderWithProviders(<AppRoutes />, { route: "/p/gone" });
    expect(await screen.findByRole("heading", { name: "This project doesn't exist (or was deleted)" }, LAZY)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to projects" })).toHaveAttribute("href", "/projects");
  });
});
