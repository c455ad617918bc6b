import { z } from "zod";
import { IMAGE_URL_MAX_LENGTH } from "./limits";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Why an address can't be sent upstream as an image, or null when it can. */
export function describeImageUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (value === "") return "Paste an image address that starts with https://.";
  // URL parsing silently drops tabs and newlines; the provider may not, so refuse them here.
  if ([...value].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return "Remove the line breaks or tabs from the image address.";
  if (value.length > IMAGE_URL_MAX_LENGTH) {
    return `Use an image address of at most ${IMAGE_URL_MAX_LENGTH} characters (this one has ${value.length}).`;
  }
  if (/^data:/i.test(value)) return "Data URLs can't be pasted as an address: upload the image file instead.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "This is not a web address: paste a full link that starts with https://.";
  }
  if (url.protocol === "http:") return "Use an https:// address: plain http:// images are refused by the model.";
  if (url.protocol !== "https:") return `"${url.protocol}" links are not accepted: use an https:// address.`;
  if (url.username || url.password) return "Remove the user name and password from the address.";
  const host = url.hostname;
  if (IPV4.test(host) || host.startsWith("[")) return "Use an address with a host name, not an IP address.";
  if (!host.includes(".")) return "Use a public address with a full host name (like images.example.com).";
  return null;
}

export const imageUrlSchema = z
  .string({ error: "Give the image address as text." })
  .trim()
  .superRefine((value, ctx) => {
    const problem = describeImageUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
