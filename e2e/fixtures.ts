import sharp from "sharp";

/** A photo-like frame made on the spot: a gradient with shapes, so renders show motion. */
export async function makeFrame(width: number, height: number, hue: number, salt = 0): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},70%,65%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.45}" r="${height * 0.18}" fill="hsl(${(hue + 180) % 360},80%,60%)"/>
    <rect x="${width * 0.55}" y="${height * 0.55}" width="${width * 0.25}" height="${height * 0.25}" fill="white" opacity="0.7"/>
    <rect x="0" y="0" width="4" height="4" fill="rgb(${salt % 256},${(salt >> 8) % 256},${(salt >> 16) % 256})"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}
