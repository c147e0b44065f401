// Reads back a ZIP's entries from its central directory (stored or deflated): enough to check an export.
import { inflateRawSync } from "node:zlib";

export function unzip(data: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < data.readUInt16LE(end + 10); i++) {
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const name = data.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = data.readUInt32LE(at + 42);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    files[name] = (method === 0 ? raw : inflateRawSync(raw)).toString("utf8");
    at += 46 + nameLength + extra;
  }
  return files;
}
