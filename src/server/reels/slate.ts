import sharp from "sharp";

export type SlateFacts = { project: string; shot: string; takeId: string; model: string; seed: number; author: string; date: string };

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Cuts a line to `max` characters so it stays on the picture. */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The card before each take, drawn as SVG and rasterised by sharp (librsvg with the DejaVu
 * fonts): the same pixels whichever ffmpeg cuts the reel, since the 2018 build's drawtext
 * and Debian's differ in font lookup and escaping.
 */
export async function renderSlate(facts: SlateFacts, width: number, height: number): Promise<Buffer> {
  const unit = Math.min(width, height) / 1080;
  const left = Math.round(width * 0.08);
  // DejaVu Sans averages about 0.6 em a character: keep each line inside the middle 84 %.
  const maxChars = (size: number) => Math.floor((width * 0.84) / (size * unit * 0.6));
  const line = (y: number, size: number, text: string, fill = "#e4e4e7", weight = "normal") =>
    `<text x="${left}" y="${Math.round(y)}" font-family="DejaVu Sans" font-size="${Math.round(size * unit)}" font-weight="${weight}" fill="${fill}">${escapeXml(fit(text, maxChars(size)))}</text>`;
  const top = height * 0.3;
  const rows = [
    line(top, 40, facts.project, "#a1a1aa"),
    line(top + 150 * unit, 120, facts.shot, "#fafafa", "bold"),
    line(top + 250 * unit, 40, `Take ${facts.takeId}`),
    line(top + 320 * unit, 34, `${facts.model} · seed ${facts.seed}`),
    line(top + 390 * unit, 34, `${facts.author} · ${facts.date}`, "#a1a1aa"),
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#18181b"/>${rows.join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
