import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { makeCompletedOfLength } from "@/test/fake-bff";
import { TakeDifferences } from "./take-differences";

const first = makeCompletedOfLength("a", 5, { prompt: "Slow dolly-in on a lighthouse at dawn", seed: 7 });

function field(term: string) {
  const dt = screen.getAllByRole("term").find((candidate) => candidate.firstChild?.textContent?.trim() === term);
  const box = dt?.parentElement;
  if (!box) throw new Error(`No field ${term}`);
  return box;
}

describe("What differs", () => {
  it("shows a shared setting once, dimmed and said to be the same", () => {
    render(<TakeDifferences takes={[first, { ...first, id: "b", seed: 8 }]} />);
    const model = field("Model");
    expect(model).toHaveTextContent("Model (same for all)Gen-4 Turbo");
    expect(model).toHaveClass("text-zinc-500");
    expect(field("Ratio")).toHaveTextContent("(same for all)16:9");
    expect(field("Prompt")).toHaveTextContent("(same for all)Slow dolly-in on a lighthouse at dawn");
    expect(within(field("Input frames")).getAllByRole("img")).toHaveLength(1);

    const seed = field("Seed");
    expect(seed).toHaveTextContent("Seed differs");
    expect(within(seed).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["Take 17", "Take 28"]);
  });

  it("lists each take's model, ratio, duration and input frames when they differ", () => {
    const other = makeCompletedOfLength("b", 10, {
      model: "gen3a_turbo",
      ratio: "9:16",
      prompt: first.prompt,
      seed: 7,
      image: { url: "/media/uploads/up_2.png", uploadId: "up_2" },
      lastImage: { url: "https://images.example.com/last.jpg", uploadId: null },
    });
    render(<TakeDifferences takes={[first, other]} />);
    const items = (term: string) => within(field(term)).getAllByRole("listitem").map((item) => item.textContent);
    expect(items("Model")).toEqual(["Take 1Gen-4 Turbo", "Take 2Gen-3 Alpha Turbo"]);
    expect(items("Ratio")).toEqual(["Take 116:9", "Take 29:16"]);
    expect(items("Duration")).toEqual(["Take 15 s", "Take 210 s"]);
    expect(field("Seed")).toHaveTextContent("(same for all)7");
    const frames = field("Input frames");
    expect(within(frames).getByRole("img", { name: "Take 1: first frame" })).toHaveAttribute("src", "/media/uploads/up_1.png");
    expect(within(frames).getByRole("img", { name: "Take 2: first frame" })).toHaveAttribute("src", "/media/uploads/up_2.png");
    expect(within(frames).getByRole("img", { name: "Take 2: last frame" })).toHaveAttribute("src", "https://images.example.com/last.jpg");
    expect(within(frames).getByText("no last frame")).toBeInTheDocument();
  });

  it("shows the prompt as a word diff against take 1, marked with ins and del", () => {
    const { container } = render(
      <TakeDifferences
        takes={[first, { ...first, id: "b", prompt: "Slow dolly-in on a lighthouse at dusk" }, { ...first, id: "c", prompt: "Fast dolly-in on a lighthouse at dawn in fog" }]}
      />,
    );
    const prompt = field("Prompt");
    expect(prompt).toHaveTextContent("Prompt differs");
    const [one, two, three] = within(prompt).getAllByRole("listitem");
    expect(one).toHaveTextContent("Take 1Slow dolly-in on a lighthouse at dawn");
    expect([...(two?.querySelectorAll("del, ins") ?? [])].map((el) => `${el.tagName} ${el.textContent}`)).toEqual(["DEL removed: dawn", "INS added: dusk"]);
    expect([...(three?.querySelectorAll("del, ins") ?? [])].map((el) => `${el.tagName} ${el.textContent}`)).toEqual([
      "DEL removed: Slow",
      "INS added: Fast",
      "INS added: in fog",
    ]);
    // Not told by colour alone: struck through and underlined.
    expect(container.querySelector("del")).toHaveClass("line-through");
    expect(container.querySelector("ins")).toHaveClass("underline");
  });
});
