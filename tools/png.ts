import { crc32, deflateSync } from 'node:zlib';
import { decode } from 'fast-png';

/**
 * Re-encoding Chromium's PNGs smaller. Chromium writes screenshots fast, not small; icons
 * drawn in two colours with anti-aliased edges fit a 256-colour palette exactly (no loss),
 * and everything else gains from per-row filtering and maximum deflate. fast-png decodes; the
 * encoder is here because fast-png's never filters rows (large files for screenshots).
 */

/** 8-bit RGBA pixels, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Decodes a PNG to 8-bit RGBA whatever its colour type (palette, grey, RGB, 16-bit). */
export function decodeRgba(png: Uint8Array): RgbaImage {
  const image = decode(png);
  const { width, height, channels, depth, palette } = image;
  const out = new Uint8Array(width * height * 4);
  const sample = (index: number): number => {
    const value = image.data[index] ?? 0;
    return depth === 16 ? value >> 8 : value;
  };
  for (let i = 0; i < width * height; i += 1) {
    let rgba: readonly number[];
    if (palette) {
      const entry = palette[sample(i)] ?? [0, 0, 0];
      rgba = [entry[0] ?? 0, entry[1] ?? 0, entry[2] ?? 0, entry[3] ?? 255];
    } else if (channels <= 2) {
      const grey = sample(i * channels);
      rgba = [grey, grey, grey, channels === 2 ? sample(i * 2 + 1) : 255];
    } else {
      const at = i * channels;
      rgba = [sample(at), sample(at + 1), sample(at + 2), channels === 4 ? sample(at + 3) : 255];
    }
    out.set(rgba, i * 4);
  }
  return { width, height, data: out };
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG colour types used here. */
const COLOUR_TYPE = { rgb: 2, indexed: 3, rgba: 6 } as const;

function header(width: number, height: number, colourType: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  // Compression, filter method and interlace all 0: deflate, adaptive filtering, none.
  return chunk('IHDR', ihdr);
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const dLeft = Math.abs(estimate - left);
  const dUp = Math.abs(estimate - up);
  const dUpLeft = Math.abs(estimate - upLeft);
  if (dLeft <= dUp && dLeft <= dUpLeft) return left;
  return dUp <= dUpLeft ? up : upLeft;
}

/**
 * Rows of `bpp`-byte pixels, each prefixed with the filter (of the five PNG defines) whose
 * output has the smallest sum of absolute signed bytes: the usual heuristic, and a large win
 * over no filter for screenshots (flat areas and text edges become runs of zeros).
 */
function filterRows(rows: Uint8Array, stride: number, height: number, bpp: number): Buffer {
  const out = Buffer.alloc((stride + 1) * height);
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const row = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : undefined;
    let bestScore = Infinity;
    let bestType = 0;
    const best = Buffer.alloc(stride);
    for (let type = 0; type < 5; type += 1) {
      let score = 0;
      for (let x = 0; x < stride; x += 1) {
        const raw = row[x] ?? 0;
        const left = x >= bpp ? (row[x - bpp] ?? 0) : 0;
        const up = prev?.[x] ?? 0;
        const upLeft = x >= bpp ? (prev?.[x - bpp] ?? 0) : 0;
        const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type] ?? 0;
        const value = (raw - predictor) & 0xff;
        candidate[x] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        bestType = type;
        best.set(candidate);
      }
    }
    out[y * (stride + 1)] = bestType;
    best.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

function deflate(data: Buffer): Buffer {
  return deflateSync(data, { level: 9, memLevel: 9 });
}

/** A pixel as one 32-bit number (R in the high byte), for maps and sets. */
function rgbaKey(data: Uint8Array, at: number): number {
  return (
    (((data[at] ?? 0) << 24) |
      ((data[at + 1] ?? 0) << 16) |
      ((data[at + 2] ?? 0) << 8) |
      (data[at + 3] ?? 0)) >>>
    0
  );
}

/** The image's distinct RGBA colours, or undefined when there are more than 256. */
function paletteOf(image: RgbaImage): Map<number, number> | undefined {
  const index = new Map<number, number>();
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const key = rgbaKey(data, i);
    if (!index.has(key)) {
      if (index.size === 256) return undefined;
      index.set(key, index.size);
    }
  }
  return index;
}

function encodeIndexed(image: RgbaImage, palette: Map<number, number>): Buffer {
  const { width, height, data } = image;
  const plte = Buffer.alloc(palette.size * 3);
  const trns = Buffer.alloc(palette.size);
  for (const [key, i] of palette) {
    plte[i * 3] = key >>> 24;
    plte[i * 3 + 1] = (key >>> 16) & 0xff;
    plte[i * 3 + 2] = (key >>> 8) & 0xff;
    trns[i] = key & 0xff;
  }
  // Filtering rarely helps indexed data (the spec advises against it): filter 0 on every row.
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      rows[y * (width + 1) + 1 + x] = palette.get(rgbaKey(data, (y * width + x) * 4)) ?? 0;
    }
  }
  const opaque = trns.every((alpha) => alpha === 255);
  return Buffer.concat([
    SIGNATURE,
    header(width, height, COLOUR_TYPE.indexed),
    chunk('PLTE', plte),
    ...(opaque ? [] : [chunk('tRNS', trns)]),
    chunk('IDAT', deflate(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function encodeTruecolour(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  let opaque = true;
  for (let i = 3; i < data.length && opaque; i += 4) opaque = data[i] === 255;
  const bpp = opaque ? 3 : 4;
  let pixels: Uint8Array = data;
  if (opaque) {
    pixels = new Uint8Array(width * height * 3);
    for (let i = 0, o = 0; i < data.length; i += 4, o += 3) {
      pixels[o] = data[i] ?? 0;
      pixels[o + 1] = data[i + 1] ?? 0;
      pixels[o + 2] = data[i + 2] ?? 0;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    header(width, height, opaque ? COLOUR_TYPE.rgb : COLOUR_TYPE.rgba),
    chunk('IDAT', deflate(filterRows(pixels, width * bpp, height, bpp))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The smallest lossless PNG of `image` this encoder makes: indexed when 256 colours suffice,
 * RGB when nothing is transparent, RGBA otherwise.
 */
export function encodePng(image: RgbaImage): Buffer {
  const palette = paletteOf(image);
  const truecolour = encodeTruecolour(image);
  if (!palette) return truecolour;
  const indexed = encodeIndexed(image, palette);
  return indexed.length < truecolour.length ? indexed : truecolour;
}

function distance(a: number, b: number): number {
  let sum = 0;
  for (let shift = 0; shift < 32; shift += 8) {
    const d = ((a >>> shift) & 0xff) - ((b >>> shift) & 0xff);
    sum += d * d;
  }
  return sum;
}

/**
 * `image` in at most 256 colours: the most frequent ones are kept and every other pixel takes
 * the nearest of them. Lossy, but made for screenshots of this app, where a few hundred
 * colours (text anti-aliasing on flat backgrounds) cover more than 99% of the pixels and the
 * rest are edge pixels one shade away from a kept colour.
 */
export function reduceColours(image: RgbaImage): RgbaImage {
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = rgbaKey(image.data, i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size <= 256) return image;
  const kept = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 256)
    .map(([key]) => key);
  const keptSet = new Set(kept);
  const nearest = new Map<number, number>();
  const data = new Uint8Array(image.data);
  for (let i = 0; i < data.length; i += 4) {
    const key = rgbaKey(data, i);
    if (keptSet.has(key)) continue;
    let replacement = nearest.get(key);
    if (replacement === undefined) {
      let best = Infinity;
      for (const candidate of kept) {
        const d = distance(key, candidate);
        if (d < best) {
          best = d;
          replacement = candidate;
        }
      }
      nearest.set(key, replacement ?? key);
    }
    const value = replacement ?? key;
    data[i] = value >>> 24;
    data[i + 1] = (value >>> 16) & 0xff;
    data[i + 2] = (value >>> 8) & 0xff;
    data[i + 3] = value & 0xff;
  }
  return { width: image.width, height: image.height, data };
}

/**
 * Re-encodes a PNG, keeping the original if it was already smaller. Lossless unless
 * `reduce` is set, which first limits the image to 256 colours ({@link reduceColours}).
 */
export function optimisePng(png: Uint8Array, reduce = false): Buffer {
  const image = decodeRgba(png);
  const smaller = encodePng(reduce ? reduceColours(image) : image);
  return smaller.length < png.length ? smaller : Buffer.from(png);
}
