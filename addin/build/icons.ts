/**
 * The add-in's ribbon and store icons, drawn from simple shapes and written as PNG, so the
 * images in `addin/public/assets` can be rebuilt and reviewed as code (`npm run` script
 * `scripts/addin-icons.ts`). Sizes 16, 32 and 80 px are the ones the manifest's ribbon
 * `<Icon>` requires; 64 px is the high-resolution store icon.
 */
import { deflateSync } from 'node:zlib';

/** A point in the unit square, y downwards. */
type Point = readonly [number, number];

/** A glyph: which points of the unit square are ink. */
type Glyph = (x: number, y: number) => boolean;

/** Icon sizes in pixels (ribbon 16/32/80, store 32/64). */
export const ICON_SIZES = [16, 32, 64, 80] as const;

/** Fluent UI's brand blue (`colorBrandBackground`, #0F6CBD) as the tile, white ink on it. */
const TILE: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];
const INK: readonly [number, number, number] = [0xff, 0xff, 0xff];

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A polyline drawn with a pen of the given width. */
function stroke(points: readonly Point[], width: number): Glyph {
  return (x, y) => {
    for (let i = 1; i < points.length; i++)
      if (distanceToSegment([x, y], points[i - 1]!, points[i]!) <= width / 2) return true;
    return false;
  };
}

/** An axis-aligned rectangle. */
function rect(x0: number, y0: number, x1: number, y1: number): Glyph {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** A filled triangle. */
function triangle(a: Point, b: Point, c: Point): Glyph {
  const side = (p: Point, q: Point, x: number, y: number) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

const union =
  (...glyphs: Glyph[]): Glyph =>
  (x, y) =>
    glyphs.some((g) => g(x, y));

/** The glyphs, by icon name (the file is `<name>-<size>.png`). */
export const GLYPHS: Readonly<Record<string, Glyph>> = {
  // The plan: three rising bars.
  icon: union(
    rect(0.24, 0.56, 0.36, 0.76),
    rect(0.44, 0.42, 0.56, 0.76),
    rect(0.64, 0.26, 0.76, 0.76),
  ),
  // The pane: a window with its side panel.
  home: union(
    stroke(
      [
        [0.24, 0.26],
        [0.76, 0.26],
        [0.76, 0.74],
        [0.24, 0.74],
        [0.24, 0.26],
      ],
      0.08,
    ),
    rect(0.5, 0.26, 0.76, 0.74),
  ),
  // Check: a tick.
  check: stroke(
    [
      [0.26, 0.52],
      [0.43, 0.68],
      [0.75, 0.32],
    ],
    0.12,
  ),
  // Revenue: a rising line with an arrow head.
  revenue: union(
    stroke(
      [
        [0.24, 0.72],
        [0.42, 0.52],
        [0.54, 0.6],
        [0.7, 0.38],
      ],
      0.09,
    ),
    triangle([0.62, 0.3], [0.78, 0.24], [0.76, 0.42]),
  ),
  // Priorities: bars of falling length, a ranking.
  priorities: union(
    rect(0.24, 0.26, 0.76, 0.36),
    rect(0.24, 0.45, 0.62, 0.55),
    rect(0.24, 0.64, 0.48, 0.74),
  ),
  // Register: pull and push, an arrow down and an arrow up.
  register: union(
    rect(0.34, 0.24, 0.42, 0.6),
    triangle([0.26, 0.56], [0.5, 0.56], [0.38, 0.76]),
    rect(0.58, 0.4, 0.66, 0.76),
    triangle([0.5, 0.44], [0.74, 0.44], [0.62, 0.24]),
  ),
};

/** The tile: a square with rounded corners, leaving a 1/16 margin. */
function inTile(x: number, y: number): boolean {
  const m = 1 / 16;
  const r = 0.16;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return x >= m && x <= 1 - m && y >= m && y <= 1 - m && Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels of a glyph on the tile, 4×4 supersampled for smooth edges. */
export function renderIcon(glyph: Glyph, size: number): Uint8Array {
  const ss = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let ink = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!inTile(x, y)) continue;
          tile++;
          if (glyph(x, y)) ink++;
        }
      const n = ss * ss;
      const i = (py * size + px) * 4;
      const inkShare = tile === 0 ? 0 : ink / tile;
      for (let c = 0; c < 3; c++)
        out[i + c] = Math.round(TILE[c]! * (1 - inkShare) + INK[c]! * inkShare);
      out[i + 3] = Math.round((255 * tile) / n);
    }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering; PNG specification, ISO/IEC 15948). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Width and height of a PNG, from its IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(bytes);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every icon file: name `<glyph>-<size>.png` and its bytes. */
export function allIcons(): Array<{ file: string; png: Buffer }> {
  const files: Array<{ file: string; png: Buffer }> = [];
  for (const [name, glyph] of Object.entries(GLYPHS))
    for (const size of ICON_SIZES)
      files.push({
        file: `${name}-${size}.png`,
        png: encodePng(renderIcon(glyph, size), size, size),
      });
  return files;
}
