import { afterEach, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { stubBff } from "@/test/fake-bff";
import { App } from "./app";

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.pushState({}, "", "/");
});

it("shows a small not-found page for unknown addresses", async () => {
  stubBff();
  window.history.pushState({}, "", "/no-such-page");
  render(<App />);
  expect(screen.getByRole("heading", { name: /isn't on the call sheet/i })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Back to the studio" })).toHaveAttribute("href", "/");
});
