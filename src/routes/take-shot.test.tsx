import { afterEach, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { takeKeys } from "@/features/gallery/api/keys";
import { json, makeCompleted, stubBff } from "@/test/fake-bff";
import { fakeProjectRoutes, makeProject, makeShot } from "@/test/fake-projects";
import { renderWithProviders } from "@/test/render";
import type { Take } from "@/shared/take";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("moves a take between shots from its page, and the page keeps the moved take", async () => {
  const take = makeCompleted({ id: "t1", projectId: "p1", shotId: "s1" });
  const studio = { projects: [makeProject({ id: "p1", shots: [makeShot({ id: "s1", code: "SH010" }), makeShot({ id: "s2", code: "SH020", order: 2 })] })], takes: [take] };
  stubBff({ ...fakeProjectRoutes(studio), "GET /api/generations/:id": () => json(200, take) });
  const { user, queryClient } = renderWithProviders(<AppRoutes />, { route: "/g/t1" });

  const field = await screen.findByRole("region", { name: "Shot of this take" }, { timeout: 5000 });
  const shot = within(field).getByRole("combobox", { name: "Shot" });
  await user.selectOptions(shot, await within(shot).findByRole("option", { name: "SH020" }));
  expect(await within(field).findByText("Moved to SH020.")).toBeInTheDocument();
  await waitFor(() => expect(queryClient.getQueryData<Take>(takeKeys.detail("t1"))?.shotId).toBe("s2"));
});

it("Edit in form keeps the take's shot in the form's shot picker", async () => {
  const take = makeCompleted({ id: "t1", projectId: "p1", shotId: "s2" });
  const studio = { projects: [makeProject({ id: "p1", name: "Lighthouse spot", shots: [makeShot({ id: "s1", code: "SH010" }), makeShot({ id: "s2", code: "SH020", order: 2 })] })], takes: [take] };
  stubBff({ ...fakeProjectRoutes(studio), "GET /api/generations/:id": () => json(200, take) });
  const { user } = renderWithProviders(<AppRoutes />, { route: "/g/t1" });

  await user.click(await screen.findByRole("button", { name: "Edit in form" }, { timeout: 5000 }));
  const form = await screen.findByRole("form", { name: "New take" }, { timeout: 5000 });
  await waitFor(() => expect(within(form).getByRole("combobox", { name: "Shot" })).toHaveValue("s2"));
  expect(within(form).getByRole("combobox", { name: "Project" })).toHaveValue("p1");
});
