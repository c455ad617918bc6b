import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { callsTo, json, makeTake, makeUpload, pngFile, stubBff } from "@/test/fake-bff";
import { fakeProjectRoutes, makeProject, makeShot } from "@/test/fake-projects";
import { renderWithProviders } from "@/test/render";
import type { FormDraft } from "../utils/form-draft";
import { TakePanel } from "./take-panel";

function studio() {
  return {
    projects: [
      makeProject({ id: "p2", name: "Harbour at night", shots: [makeShot({ id: "h1", projectId: "p2", code: "HB010" })] }),
      makeProject({ id: "p1", name: "Lighthouse spot", shots: [makeShot({ id: "s1", code: "SH010" }), makeShot({ id: "s2", code: "SH020", description: "Close on the lamp", order: 2 })] }),
    ],
    takes: [],
  };
}

function stub(state = studio()) {
  return stubBff({
    ...fakeProjectRoutes(state),
    "POST /api/uploads": () => json(201, makeUpload()),
    "POST /api/generations/batch": () => json(201, { items: [makeTake()] }),
  });
}

const project = () => screen.getByRole("combobox", { name: "Project" });
const shot = () => screen.getByRole("combobox", { name: "Shot" });
const sentBodies = (fetchMock: ReturnType<typeof stubBff>) => callsTo(fetchMock, "POST", "/api/generations/batch").map((b) => JSON.parse(String(b)) as Record<string, unknown>);

async function renderPanel(creator: string, draft: FormDraft | null = null) {
  const view = renderWithProviders(<TakePanel creator={creator} draft={draft} />);
  await screen.findByRole("option", { name: "Lighthouse spot" });
  return view;
}

async function generate(user: ReturnType<typeof renderWithProviders>["user"]) {
  await user.upload(screen.getByLabelText(/choose first frame file/i), pngFile());
  await screen.findByText("1920×1080 · 1.78:1");
  await user.click(screen.getByRole("button", { name: "Generate" }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe("Shot picker", () => {
  it("sends the chosen shot in the create body, and no shot for No shot", async () => {
    const fetchMock = stub();
    const { user } = await renderPanel("ana");
    expect(project()).toHaveValue("");
    expect(shot()).toBeDisabled();

    await user.selectOptions(project(), "Lighthouse spot");
    await within(shot()).findByRole("option", { name: "SH020 · Close on the lamp" });
    expect(within(shot()).getAllByRole("option").map((o) => o.textContent)).toEqual(["No shot", "SH010", "SH020 · Close on the lamp"]);
    await user.selectOptions(shot(), "SH020 · Close on the lamp");
    await generate(user);
    await waitFor(() => expect(sentBodies(fetchMock)).toHaveLength(1));
    expect(sentBodies(fetchMock)[0]).toMatchObject({ model: "gen4_turbo", shotId: "s2" });

    await user.selectOptions(shot(), "No shot");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(sentBodies(fetchMock)).toHaveLength(2));
    expect(sentBodies(fetchMock)[1]).not.toHaveProperty("shotId");
  });

  it("remembers each creator's choice separately", async () => {
    stub();
    const first = await renderPanel("ana");
    await first.user.selectOptions(project(), "Lighthouse spot");
    await first.user.selectOptions(shot(), await within(shot()).findByRole("option", { name: "SH010" }));
    first.unmount();

    const ben = await renderPanel("ben");
    expect(project()).toHaveValue("");
    await ben.user.selectOptions(project(), "Harbour at night");
    await ben.user.selectOptions(shot(), await within(shot()).findByRole("option", { name: "HB010" }));
    ben.unmount();

    await renderPanel("ana");
    expect(project()).toHaveValue("p1");
    await waitFor(() => expect(shot()).toHaveValue("s1"));
  });

  it("reads a remembered shot that was deleted as none, and sends none", async () => {
    const state = studio();
    localStorage.setItem("dailies.shot.ana", JSON.stringify({ projectId: "p1", shotId: "gone" }));
    const fetchMock = stub(state);
    const { user } = await renderPanel("ana");
    expect(project()).toHaveValue("p1");
    await within(shot()).findByRole("option", { name: "SH010" });
    expect(shot()).toHaveValue("");
    await generate(user);
    await waitFor(() => expect(sentBodies(fetchMock)).toHaveLength(1));
    expect(sentBodies(fetchMock)[0]).not.toHaveProperty("shotId");
  });

  it("keeps the shot of the take a draft was made from", async () => {
    const fetchMock = stub();
    const draft: FormDraft = {
      id: "d1",
      kind: "take",
      values: { model: "gen4_turbo", prompt: "Again", image: { uploadId: "up_1" }, lastImage: null, ratio: "16:9", duration: 5 },
      seed: 7,
      shot: { projectId: "p2", shotId: "h1" },
      source: { id: "t1", label: "Again" },
    };
    const { user } = await renderPanel("ana", draft);
    await waitFor(() => expect(shot()).toHaveValue("h1"));
    expect(project()).toHaveValue("p2");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(sentBodies(fetchMock)).toHaveLength(1));
    expect(sentBodies(fetchMock)[0]).toMatchObject({ prompt: "Again", shotId: "h1" });
  });
});
