import { describe, expect, it } from "vitest";
import { describeImageUrlProblem, imageUrlSchema } from "./image-url";
import { IMAGE_URL_MAX_LENGTH } from "./limits";

describe("describeImageUrlProblem says what to change about an image address", () => {
  it.each([
    ["", "Paste an image address that starts with https://."],
    ["   ", "Paste an image address that starts with https://."],
    ["https://images.example.com/a\tb.jpg", "Remove the line breaks or tabs from the image address."],
    ["https://images.example.com/a\nb.jpg", "Remove the line breaks or tabs from the image address."],
    ["https://images.example.com/a\u007fb.jpg", "Remove the line breaks or tabs from the image address."],
    ["data:image/png;base64,AAAA", "Data URLs can't be pasted as an address: upload the image file instead."],
    ["DATA:image/png;base64,AAAA", "Data URLs can't be pasted as an address: upload the image file instead."],
    ["images.example.com/a.jpg", "This is not a web address: paste a full link that starts with https://."],
    ["http://images.example.com/a.jpg", "Use an https:// address: plain http:// images are refused by the model."],
    ["ftp://images.example.com/a.jpg", '"ftp:" links are not accepted: use an https:// address.'],
    ["https://ann@images.example.com/a.jpg", "Remove the user name and password from the address."],
    ["https://:secret@images.example.com/a.jpg", "Remove the user name and password from the address."],
    ["https://203.0.113.7/a.jpg", "Use an address with a host name, not an IP address."],
    ["https://[2001:db8::1]/a.jpg", "Use an address with a host name, not an IP address."],
    ["https://localhost/a.jpg", "Use a public address with a full host name (like images.example.com)."],
  ])("%j → %s", (address, message) => {
    expect(describeImageUrlProblem(address)).toBe(message);
  });

  it("accepts a public https address, with spaces around it, and a host that only starts with digits", () => {
    expect(describeImageUrlProblem("https://images.example.com/a.jpg")).toBeNull();
    expect(describeImageUrlProblem("  https://images.example.com/a.jpg  ")).toBeNull();
    expect(describeImageUrlProblem("https://1.2.3.example.com/a.jpg")).toBeNull();
    expect(describeImageUrlProblem("https://cdn.example.com/a.jpg?text=%20ok")).toBeNull();
    // A space is not a control character (the URL encodes it), and "data:" later in a path is no data URL.
    expect(describeImageUrlProblem("https://cdn.example.com/a b.jpg")).toBeNull();
    expect(describeImageUrlProblem("https://cdn.example.com/data:a.jpg")).toBeNull();
  });

  it("counts the length after trimming, and names both the limit and the length", () => {
    const base = "https://images.example.com/";
    const longest = base + "a".repeat(IMAGE_URL_MAX_LENGTH - base.length);
    expect(describeImageUrlProblem(` ${longest} `)).toBeNull();
    expect(describeImageUrlProblem(`${longest}b`)).toBe(
      `Use an image address of at most ${IMAGE_URL_MAX_LENGTH} characters (this one has ${IMAGE_URL_MAX_LENGTH + 1}).`,
    );
  });

  it("checks the length before parsing, so a long data URL is told it is too long", () => {
    expect(describeImageUrlProblem(`data:${"a".repeat(IMAGE_URL_MAX_LENGTH)}`)).toMatch(/^Use an image address of at most/);
  });
});

describe("imageUrlSchema", () => {
  it("trims a good address and refuses a bad one with the same words", () => {
    expect(imageUrlSchema.parse(" https://images.example.com/a.jpg ")).toBe("https://images.example.com/a.jpg");
    const refused = imageUrlSchema.safeParse("http://images.example.com/a.jpg");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.code)).toEqual(["custom"]);
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      "Use an https:// address: plain http:// images are refused by the model.",
    ]);
  });
});
