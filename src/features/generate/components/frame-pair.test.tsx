import { afterEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { callsTo, json, makeTake, makeUpload, pngFile, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import { TakePanel } from "./take-panel";

const gifFile = (name = "loop.gif") => new File([new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0])], name, { type: "image/gif" });

/** What a paste or drop carries; jsdom has no DataTransfer, so Testing Library passes this through. */
function transfer({ files = [], text = "" }: { files?: File[]; text?: string }) {
  return { files, types: [...(files.length > 0 ? ["Files"] : []), ...(text ? ["text/plain"] : [])], getData: (type: string) => (type === "text/plain" ? text : "") };
}

/** jsdom never loads images: give the element a size and fire the load the browser would. */
function loadImage(img: HTMLElement, width: number, height: number) {
  Object.defineProperty(img, "naturalWidth", { value: width, configurable: true });
  Object.defineProperty(img, "naturalHeight", { value: height, configurable: true });
  fireEvent.load(img);
}

async function renderForm(routes: Record<string, FakeHandler> = {}) {
  const fetchMock = stubBff({
    "POST /api/uploads": () => json(201, makeUpload({ id: "up_1" })),
    "POST /api/generations": () => json(201, makeTake()),
    "POST /api/generations/batch": () => json(201, { items: [makeTake()] }),
    ...routes,
  });
  const view = renderWithProviders(<TakePanel />);
  await screen.findByRole("combobox", { name: "Model" });
  return { ...view, fetchMock };
}

/** The JSON bodies of every take requested, whichever create endpoint the form uses. */
const takeBodies = (fetchMock: ReturnType<typeof stubBff>) =>
  fetchMock.mock.calls
    .filter(([input, init]) => init?.method === "POST" && new URL(String(input), "http://dailies.test").pathname.startsWith("/api/generations"))
    .map(([, init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);

const firstFrame = () => screen.getByRole("group", { name: "First frame" });
const lastFrame = () => screen.getByRole("group", { name: /^Last frame/ });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Frames: files", () => {
  it("uploads an image dropped on the frame and draws it from the stored upload", async () => {
    const { fetchMock } = await renderForm();
    fireEvent.drop(firstFrame(), { dataTransfer: transfer({ files: [pngFile("dawn.png")] }) });

    expect(await within(firstFrame()).findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_1.png");
    expect(within(firstFrame()).getByText("1920×1080 · 1.78:1")).toBeInTheDocument();
    expect(within(firstFrame()).getByText(/fits 16:9 exactly/i)).toBeInTheDocument();
    const sent = callsTo(fetchMock, "POST", "/api/uploads");
    expect(sent).toHaveLength(1);
    expect(((sent[0] as FormData).get("file") as File).name).toBe("dawn.png");
    // The upload's own answer filled the cache: no extra GET for the preview.
    expect(callsTo(fetchMock, "GET", "/api/uploads/up_1")).toHaveLength(0);
  });

  it("takes a file dropped beside the frames into the first frame instead of leaving the page", async () => {
    await renderForm();
    const notPrevented = fireEvent.drop(screen.getByRole("textbox", { name: /prompt/i }), { dataTransfer: transfer({ files: [pngFile()] }) });
    expect(notPrevented).toBe(false);
    expect(await within(firstFrame()).findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_1.png");
    expect(screen.getByText("Dropped image into the first frame.")).toBeInTheDocument();
  });

  it("refuses a GIF by its bytes, even when named .png, without uploading", async () => {
    const { user, fetchMock } = await renderForm();
    fireEvent.drop(firstFrame(), { dataTransfer: transfer({ files: [gifFile()] }) });
    expect(await within(firstFrame()).findByText("This is a GIF image. Use a JPEG, PNG or WebP image.")).toBeInTheDocument();

    await user.upload(within(firstFrame()).getByLabelText(/choose first frame file/i), gifFile("renamed.png"));
    expect(within(firstFrame()).getByLabelText(/choose first frame file/i)).toHaveAccessibleDescription(
      "This is a GIF image. Use a JPEG, PNG or WebP image.",
    );
    await user.upload(within(firstFrame()).getByLabelText(/choose first frame file/i), new File([], "empty.png", { type: "image/png" }));
    expect(await within(firstFrame()).findByText(/the file is empty/i)).toBeInTheDocument();
    expect(callsTo(fetchMock, "POST", "/api/uploads")).toHaveLength(0);
  });

  it("shows upload progress, and Cancel aborts it leaving the frame empty with no error", async () => {
    const { user, fetchMock } = await renderForm({ "POST /api/uploads": () => new Promise<Response>(() => {}) });
    await user.upload(within(firstFrame()).getByLabelText(/choose first frame file/i), pngFile());

    const bar = await screen.findByRole("progressbar", { name: "Uploading first frame" });
    expect(bar).toHaveAttribute("value", "0");
    const [xhr] = fetchMock.xhrs;
    if (!xhr) throw new Error("No upload was sent");
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/api/uploads");
    expect(((xhr.body as FormData).get("file") as File).name).toBe("frame.png");

    act(() => xhr.progress(42, 100));
    expect(bar).toHaveAttribute("value", "42");
    expect(within(firstFrame()).getByText("42%")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Waiting for upload…" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Cancel first frame upload" }));
    expect(xhr.aborted).toBe(true);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(within(firstFrame()).queryByRole("img")).not.toBeInTheDocument();
    expect(within(firstFrame()).getByLabelText(/choose first frame file/i)).not.toHaveAccessibleDescription();
    expect(screen.getByRole("button", { name: "Generate" })).toBeEnabled();
  });

  it("completes an upload after its progress reaches the end", async () => {
    let answer: (response: Response) => void = () => {};
    const { user, fetchMock } = await renderForm({ "POST /api/uploads": () => new Promise<Response>((resolve) => (answer = resolve)) });
    await user.upload(within(firstFrame()).getByLabelText(/choose first frame file/i), pngFile());
    await screen.findByRole("progressbar", { name: "Uploading first frame" });
    act(() => fetchMock.xhrs[0]?.progress(3, 4));
    expect(within(firstFrame()).getByText("75%")).toBeInTheDocument();

    answer(json(201, makeUpload({ id: "up_9", url: "/media/uploads/up_9.jpg", width: 1080, height: 1920 })));
    expect(await within(firstFrame()).findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_9.jpg");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });
});

describe("Frames: paste", () => {
  it("puts a pasted image in the first frame, then the next one in the empty last frame", async () => {
    const { user } = await renderForm({
      "POST /api/uploads": ({ init }) => {
        const name = ((init?.body as FormData).get("file") as File).name;
        return json(201, makeUpload({ id: name.replace(".png", ""), url: `/media/uploads/${name}` }));
      },
    });
    await user.selectOptions(screen.getByRole("combobox", { name: "Model" }), "gen3a_turbo");

    fireEvent.paste(document.body, { clipboardData: transfer({ files: [pngFile("one.png")] }) });
    expect(await within(firstFrame()).findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/one.png");
    expect(screen.getByText("Pasted image into the first frame.")).toBeInTheDocument();

    fireEvent.paste(screen.getByRole("combobox", { name: "Model" }), { clipboardData: transfer({ files: [pngFile("two.png")] }) });
    expect(await within(lastFrame()).findByRole("img", { name: "Last frame preview" })).toHaveAttribute("src", "/media/uploads/two.png");
    expect(screen.getByText("Pasted image into the last frame.")).toBeInTheDocument();
    expect(within(firstFrame()).getByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/one.png");
  });

  it("turns a pasted https address into the first frame, but leaves text pasted into the prompt alone", async () => {
    const { user } = await renderForm();
    const prompt = screen.getByRole("textbox", { name: /prompt/i });
    await user.click(prompt);
    await user.paste("https://images.example.com/in-the-prompt.jpg");
    expect(prompt).toHaveValue("https://images.example.com/in-the-prompt.jpg");
    expect(within(firstFrame()).queryByRole("img")).not.toBeInTheDocument();

    fireEvent.paste(screen.getByRole("form", { name: "New take" }), { clipboardData: transfer({ text: " https://images.example.com/a.jpg\n" }) });
    expect(within(firstFrame()).getByRole("textbox", { name: "First frame address" })).toHaveValue("https://images.example.com/a.jpg");
    expect(within(firstFrame()).getByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "https://images.example.com/a.jpg");
    expect(screen.getByText("Pasted address into the first frame.")).toBeInTheDocument();
  });

  it("refuses a pasted data: URL with a reason and sets nothing", async () => {
    const { fetchMock } = await renderForm();
    const notPrevented = fireEvent.paste(document.body, { clipboardData: transfer({ text: "data:image/png;base64,iVBORw0KGgo=" }) });
    expect(notPrevented).toBe(false);
    expect(screen.getByRole("alert")).toHaveTextContent(/a data: URL can't be used as a frame/i);
    expect(within(firstFrame()).queryByRole("img")).not.toBeInTheDocument();
    expect(fetchMock.xhrs).toHaveLength(0);
  });

  it("refuses a 20 MB text paste on its length", async () => {
    await renderForm();
    const huge = "x".repeat(20 * 1024 * 1024);
    fireEvent.paste(document.body, { clipboardData: transfer({ text: huge }) });
    // At once: the message is there synchronously (getBy, not findBy), before any parsing or loading.
    expect(screen.getByRole("alert")).toHaveTextContent("That paste is 20.0 MB of text, not an image or an image address.");
    expect(within(firstFrame()).queryByRole("textbox")).not.toBeInTheDocument();
  });
});

describe("Frames: addresses and framing", () => {
  async function typeAddress(user: Awaited<ReturnType<typeof renderForm>>["user"], url: string) {
    await user.click(within(firstFrame()).getByRole("radio", { name: "Paste URL" }));
    const address = within(firstFrame()).getByRole("textbox", { name: "First frame address" });
    await user.clear(address);
    await user.type(address, url);
  }

  it("reads the size of a loaded address, draws the crop and offers the closest ratio", async () => {
    const { user } = await renderForm();
    await typeAddress(user, "https://images.example.com/portrait.jpg");
    expect(within(firstFrame()).getByText("Loading the image from that address…")).toBeInTheDocument();

    loadImage(within(firstFrame()).getByRole("img", { name: "First frame preview" }), 1080, 1920);
    expect(within(firstFrame()).getByText("1080×1920 · 0.56:1")).toBeInTheDocument();
    expect(within(firstFrame()).getByText(/heavy crop/i)).toHaveTextContent("at 16:9 the model keeps only the outlined 32%; 68% of the picture is cut away.");
    expect(within(firstFrame()).getByText(/closest gen-4 turbo ratio/i)).toHaveTextContent("9:16");

    await user.click(within(firstFrame()).getByRole("button", { name: "Use 9:16" }));
    expect(screen.getByRole("radio", { name: /9:16/ })).toBeChecked();
    expect(within(firstFrame()).getByText("Fits 9:16 exactly: nothing is cropped.")).toBeInTheDocument();
    expect(within(firstFrame()).queryByRole("button", { name: /^Use / })).not.toBeInTheDocument();
  });

  it("refuses an address whose image is too narrow, and one that doesn't load, before anything is sent", async () => {
    const { user, fetchMock } = await renderForm();
    await typeAddress(user, "https://images.example.com/strip.jpg");
    loadImage(within(firstFrame()).getByRole("img", { name: "First frame preview" }), 400, 1000);

    const address = within(firstFrame()).getByRole("textbox", { name: "First frame address" });
    expect(address).toHaveValue("https://images.example.com/strip.jpg");
    expect(address).toHaveAccessibleDescription(
      "This image's width/height ratio is 0.40 (400×1000); it must be between 0.5 and 2. Crop it first.",
    );
    expect(within(firstFrame()).getByText("400×1000 · 0.40:1")).toBeInTheDocument();
    expect(within(firstFrame()).queryByRole("button", { name: /^Use / })).not.toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Pan down");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(address).toHaveAccessibleDescription(/ratio is 0\.40/);
    expect(takeBodies(fetchMock)).toHaveLength(0);

    await typeAddress(user, "https://images.example.com/gone.jpg");
    fireEvent.error(within(firstFrame()).getByRole("img", { name: "First frame preview" }));
    expect(address).toHaveAccessibleDescription(/couldn't be loaded from that address/);
    expect(within(firstFrame()).queryByRole("img")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(takeBodies(fetchMock)).toHaveLength(0);

    await typeAddress(user, "https://images.example.com/fine.jpg");
    loadImage(within(firstFrame()).getByRole("img", { name: "First frame preview" }), 1280, 720);
    expect(address).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(takeBodies(fetchMock)).toHaveLength(1));
    expect(takeBodies(fetchMock)[0]).toMatchObject({ image: { url: "https://images.example.com/fine.jpg" } });
  });

  it("keeps what an address's image showed to its own form: another form sends that address until its own load fails", async () => {
    const url = "https://images.example.com/flaky.jpg";
    const first = await renderForm();
    await typeAddress(first.user, url);
    fireEvent.error(within(firstFrame()).getByRole("img", { name: "First frame preview" }));
    expect(within(firstFrame()).getByRole("textbox", { name: "First frame address" })).toHaveAccessibleDescription(/couldn't be loaded/);
    first.unmount();

    const { user, fetchMock } = await renderForm();
    await typeAddress(user, url);
    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Pan left");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(takeBodies(fetchMock)).toHaveLength(1));
    expect(takeBodies(fetchMock)[0]).toMatchObject({ image: { url } });
  });
});

describe("Frames: library", () => {
  it("lists every upload, pages with Load more, and picks one without uploading again", async () => {
    const { user, fetchMock } = await renderForm({
      "GET /api/uploads": ({ url }) =>
        url.searchParams.get("cursor") === "page2"
          ? json(200, { items: [makeUpload({ id: "up_old", name: "old.jpg", width: 1280, height: 720 })], nextCursor: null })
          : json(200, {
              items: [
                makeUpload({ id: "up_new", name: "new.png", url: "/media/uploads/up_new.png", width: 720, height: 1280 }),
                makeUpload({ id: "up_mid", name: null }),
              ],
              nextCursor: "page2",
            }),
    });
    const opener = within(firstFrame()).getByRole("button", { name: "Choose first frame from the library" });
    await user.click(opener);
    const dialog = await screen.findByRole("dialog", { name: "Image library" });
    // Focus moves in after the dialog is on screen: a busy machine can find it in between.
    await waitFor(() => expect(dialog).toHaveFocus());
    const items = await within(dialog).findAllByRole("button", { name: /×/ });
    expect(items.map((item) => item.textContent)).toEqual(["new.png 720×1280 · 0.56:1", "Untitled image 1920×1080 · 1.78:1"]);

    await user.click(within(dialog).getByRole("button", { name: "Load more" }));
    expect(await within(dialog).findByRole("button", { name: /old\.jpg/ })).toHaveFocus();
    expect(within(dialog).queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await user.keyboard("{Enter}");
    await user.click(await screen.findByRole("button", { name: /new\.png/ }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(within(firstFrame()).getByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_new.png");
    expect(within(firstFrame()).getByText(/closest gen-4 turbo ratio/i)).toHaveTextContent("9:16");
    expect(callsTo(fetchMock, "POST", "/api/uploads")).toHaveLength(0);
    expect(callsTo(fetchMock, "GET", "/api/uploads/up_new")).toHaveLength(0);

    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Tilt up");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(takeBodies(fetchMock)).toHaveLength(1));
    expect(takeBodies(fetchMock)[0]).toMatchObject({ image: { uploadId: "up_new" } });
  });
});

describe("Frames: first and last", () => {
  it("swaps the first and last frames", async () => {
    const { user, fetchMock } = await renderForm();
    await user.selectOptions(screen.getByRole("combobox", { name: "Model" }), "gen3a_turbo");
    fireEvent.drop(firstFrame(), { dataTransfer: transfer({ files: [pngFile()] }) });
    await within(firstFrame()).findByRole("img", { name: "First frame preview" });
    await user.click(within(lastFrame()).getByRole("radio", { name: "Paste URL" }));
    await user.type(within(lastFrame()).getByRole("textbox", { name: "Last frame address" }), "https://images.example.com/end.jpg");

    await user.click(screen.getByRole("button", { name: "Swap first and last frames" }));
    expect(within(firstFrame()).getByRole("textbox", { name: "First frame address" })).toHaveValue("https://images.example.com/end.jpg");
    expect(within(lastFrame()).getByRole("img", { name: "Last frame preview" })).toHaveAttribute("src", "/media/uploads/up_1.png");

    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Dusk to night");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(takeBodies(fetchMock)).toHaveLength(1));
    expect(takeBodies(fetchMock)[0]).toMatchObject({ image: { url: "https://images.example.com/end.jpg" }, lastImage: { uploadId: "up_1" } });
  });

  it("keeps a last frame when switching to Gen-4 Turbo, marks it as not sent, and leaves it out of the request", async () => {
    const { user, fetchMock } = await renderForm();
    const model = screen.getByRole("combobox", { name: "Model" });
    await user.selectOptions(model, "gen3a_turbo");
    fireEvent.drop(lastFrame(), { dataTransfer: transfer({ files: [pngFile()] }) });
    await within(lastFrame()).findByRole("img", { name: "Last frame preview" });

    await user.selectOptions(model, "gen4_turbo");
    const kept = screen.getByRole("group", { name: "Last frame (not sent)" });
    expect(kept).toHaveAccessibleDescription(/will not be sent: gen-4 turbo takes no last frame/i);
    expect(within(kept).getByRole("img", { name: "Last frame preview" })).toBeInTheDocument();

    await user.click(within(firstFrame()).getByRole("radio", { name: "Paste URL" }));
    await user.type(within(firstFrame()).getByRole("textbox", { name: "First frame address" }), "https://images.example.com/a.jpg");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(takeBodies(fetchMock)).toHaveLength(1));
    expect(takeBodies(fetchMock)[0]).toMatchObject({ model: "gen4_turbo", image: { url: "https://images.example.com/a.jpg" } });
    expect(takeBodies(fetchMock)[0]).not.toHaveProperty("lastImage");

    await user.selectOptions(model, "gen3a_turbo");
    expect(screen.getByRole("group", { name: "Last frame (optional)" })).not.toHaveAccessibleDescription();
  });
});
