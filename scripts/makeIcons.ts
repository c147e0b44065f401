// Writes the extension's toolbar icons (extension/static/icons/icon-N.png): a blue rounded square with
// two white "quote" bars. Run once with `npx tsx scripts/makeIcons.ts`; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** RGBA pixels → PNG bytes. */
export function encodePng(
  size: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

function icon(size: number): Buffer {
  const r = size * 0.2;
  return encodePng(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    // Rounded square.
    const dx = Math.max(r - (x + 0.5), x + 0.5 - (size - r), 0);
    const dy = Math.max(r - (y + 0.5), y + 0.5 - (size - r), 0);
    if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
    const bar = (v > 0.3 && v < 0.42 && u > 0.22 && u < 0.78) || (v > 0.58 && v < 0.7 && u > 0.22 && u < 0.6);
    return bar ? [255, 255, 255, 255] : [29, 78, 216, 255];
  });
}

const out = join(dirname(fileURLToPath(import.meta.url)), "../extension/static/icons");
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(out, { recursive: true });
  for (const size of [16, 32, 48, 128]) writeFileSync(join(out, `icon-${size}.png`), icon(size));
  console.log(`wrote icons to ${out}`);
}
