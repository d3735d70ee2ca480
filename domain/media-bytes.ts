/** What the media cleaners share (domain/media-metadata.ts, domain/media-isobmff.ts): the refusal, the result, byte readers. */

export class MalformedMedia extends Error {
  constructor(format: string, why: string) {
    super(`not a well-formed ${format} file: ${why}`);
    this.name = 'MalformedMedia';
  }
}

export interface Cleaned {
  bytes: Uint8Array;
  /** What was taken out or neutralised, by name (segment, chunk, box or item type). */
  removed: string[];
}

export const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  if (at < 0 || at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
export const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
export const u32be = (b: Uint8Array, at: number) => b[at]! * 0x1000000 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
export const u32le = (b: Uint8Array, at: number) => b[at + 3]! * 0x1000000 + ((b[at + 2]! << 16) | (b[at + 1]! << 8) | b[at]!);
export const fourcc = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** A copy (a Buffer's slice() is a view, not a copy: cleaning must never write into what it was given). */
export const copyOf = (b: Uint8Array, start = 0, end = b.length): Uint8Array => Uint8Array.from(b.subarray(start, end));

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
