/**
 * ISO-BMFF (MP4, MOV, HEIC/HEIF/AVIF): location metadata neutralised in place, never removed, so no chunk offset in the
 * file moves: a box becomes a `free` box of the same size with zeroed content. Neutralised: `©xyz` (the location
 * ISO 6709 string phones write in `udta`), `loci` (3GPP location), `XMP_` and XMP `uuid` boxes, QuickTime metadata
 * items (`meta` with an `mdta` handler) whose key names a location (com.apple.quicktime.location.*), and in HEIF
 * images the Exif and XMP items (their bytes, found through `iinf` and `iloc`, are overwritten: an Exif item becomes
 * an empty Exif block, XMP zeroes). See domain/media-metadata.ts for the other formats.
 */
import { bytesOf, copyOf, fourcc, MalformedMedia, u16be, u32be, type Cleaned } from './media-bytes.js';

/** A byte range of the file to overwrite, found through a HEIF item location (it may lie outside the box scrubbed). */
export interface BlankRange {
  offset: number;
  length: number;
  /** `exif`: an empty Exif block (so readers find a valid, empty one); `zero`: zero bytes. */
  fill: 'exif' | 'zero';
  what: string;
}

interface Box {
  type: string;
  start: number;
  /** Where its content starts (after size, type, a 64-bit size and a uuid). */
  content: number;
  end: number;
}

/** ©xyz: the first byte of the type is 0xA9. */
const COPYRIGHT_XYZ = '\u00a9xyz';
const LOCATION_BOXES = new Set([COPYRIGHT_XYZ, 'loci', 'XMP_']);
/** Boxes whose children are boxes (and may hold metadata). `meta` is handled on its own. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'udta', 'moof', 'traf', 'edts']);
/** Adobe's XMP uuid (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC). */
const XMP_UUID = Uint8Array.of(0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac);

function boxesIn(b: Uint8Array, from: number, to: number): Box[] {
  const bad = (why: string) => new MalformedMedia('ISO media (MP4/MOV/HEIF)', why);
  const boxes: Box[] = [];
  let at = from;
  while (at < to) {
    if (at + 8 > to) {
      // Trailing bytes shorter than a box header inside a container: some writers pad with zeros.
      if (b.subarray(at, to).every((x) => x === 0)) break;
      throw bad(`a box header at byte ${at} runs past its parent`);
    }
    let size = u32be(b, at);
    const type = fourcc(b, at + 4);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) throw bad(`box ${JSON.stringify(type)} at byte ${at} has a cut 64-bit size`);
      size = u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12);
      header = 16;
    } else if (size === 0) size = to - at;
    if (type === 'uuid') header += 16;
    if (size < header || at + size > to) throw bad(`box ${JSON.stringify(type)} at byte ${at} runs past its parent`);
    boxes.push({ type, start: at, content: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

/** The box becomes `free` of the same size, its content zeroed: no offset in the file moves. */
function neutralise(b: Uint8Array, box: Box): void {
  b.set(bytesOf('free'), box.start + 4);
  const sizeField = u32be(b, box.start) === 1 ? 16 : 8;
  b.fill(0, box.start + sizeField, box.end);
}

/** A full box's content after version and flags; QuickTime's `meta` is not a full box (its first child is right there). */
function metaChildrenStart(b: Uint8Array, meta: Box): number {
  return meta.content + 4 <= meta.end && u32be(b, meta.content) === 0 ? meta.content + 4 : meta.content;
}

function readN(b: Uint8Array, at: number, n: number): number {
  if (n === 0) return 0;
  if (n === 4) return u32be(b, at);
  if (n === 8) return u32be(b, at) * 2 ** 32 + u32be(b, at + 4);
  throw new MalformedMedia('HEIF', `an item location field of ${n} bytes`);
}

function cString(b: Uint8Array, at: number, end: number): { text: string; next: number } {
  let p = at;
  while (p < end && b[p] !== 0) p++;
  return { text: String.fromCharCode(...b.subarray(at, p)), next: p + 1 };
}

/** HEIF items (iinf): id → type ('Exif', 'mime', …) and, for mime items, the content type. */
function itemInfos(b: Uint8Array, iinf: Box): Map<number, { type: string; contentType: string }> {
  const items = new Map<number, { type: string; contentType: string }>();
  const version = b[iinf.content]!;
  const first = iinf.content + 4 + (version === 0 ? 2 : 4);
  for (const infe of boxesIn(b, first, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const v = b[infe.content]!;
    let p = infe.content + 4;
    if (v >= 2) {
      const id = v === 2 ? u16be(b, p) : u32be(b, p);
      p += (v === 2 ? 2 : 4) + 2;
      const type = fourcc(b, p);
      const name = cString(b, p + 4, infe.end);
      const contentType = type === 'mime' ? cString(b, name.next, infe.end).text : '';
      items.set(id, { type, contentType });
    } else {
      const id = u16be(b, p);
      const name = cString(b, p + 4, infe.end);
      items.set(id, { type: 'mime', contentType: cString(b, name.next, infe.end).text });
    }
  }
  return items;
}

/** HEIF item locations (iloc): id → extents as offsets in the file (construction 0) or in `idat` (construction 1). */
function itemLocations(b: Uint8Array, iloc: Box): Map<number, { construction: number; extents: Array<{ offset: number; length: number }> }> {
  const out = new Map<number, { construction: number; extents: Array<{ offset: number; length: number }> }>();
  const version = b[iloc.content]!;
  let p = iloc.content + 4;
  const offsetSize = b[p]! >> 4;
  const lengthSize = b[p]! & 0x0f;
  const baseOffsetSize = b[p + 1]! >> 4;
  const indexSize = version === 1 || version === 2 ? b[p + 1]! & 0x0f : 0;
  p += 2;
  const count = version < 2 ? u16be(b, p) : u32be(b, p);
  p += version < 2 ? 2 : 4;
  for (let i = 0; i < count; i++) {
    if (p > iloc.end) throw new MalformedMedia('HEIF', 'its item locations run past their box');
    const id = version < 2 ? u16be(b, p) : u32be(b, p);
    p += version < 2 ? 2 : 4;
    let construction = 0;
    if (version === 1 || version === 2) {
      construction = u16be(b, p) & 0x0f;
      p += 2;
    }
    p += 2; // data reference index
    const base = readN(b, p, baseOffsetSize);
    p += baseOffsetSize;
    const extentCount = u16be(b, p);
    p += 2;
    const extents: Array<{ offset: number; length: number }> = [];
    for (let e = 0; e < extentCount; e++) {
      p += indexSize;
      const offset = readN(b, p, offsetSize);
      p += offsetSize;
      const length = readN(b, p, lengthSize);
      p += lengthSize;
      extents.push({ offset: base + offset, length });
    }
    out.set(id, { construction, extents });
  }
  if (p > iloc.end) throw new MalformedMedia('HEIF', 'its item locations run past their box');
  return out;
}

/**
 * A `meta` box: QuickTime metadata items whose key names a location are neutralised; HEIF Exif and XMP items are
 * listed for blanking (their bytes are elsewhere: in `mdat`, by file offset, or in this box's `idat`).
 */
function scrubMeta(b: Uint8Array, meta: Box, base: number, removed: string[], blank: BlankRange[], depth: number): void {
  const children = boxesIn(b, metaChildrenStart(b, meta), meta.end);
  const hdlr = children.find((c) => c.type === 'hdlr');
  const handler = hdlr && hdlr.content + 12 <= hdlr.end ? fourcc(b, hdlr.content + 8) : '';
  for (const child of children) scrubBox(b, child, base, removed, blank, depth + 1);
  if (handler === 'mdta') {
    const keys = children.find((c) => c.type === 'keys');
    const ilst = children.find((c) => c.type === 'ilst');
    if (!keys || !ilst) return;
    const located = new Set<number>();
    const count = u32be(b, keys.content + 4);
    let p = keys.content + 8;
    for (let index = 1; index <= count && p + 8 <= keys.end; index++) {
      const size = u32be(b, p);
      if (size < 8 || p + size > keys.end) throw new MalformedMedia('QuickTime', 'a metadata key runs past its box');
      if (String.fromCharCode(...b.subarray(p + 8, p + size)).toLowerCase().includes('location')) located.add(index);
      p += size;
    }
    for (const item of boxesIn(b, ilst.content, ilst.end)) {
      if (located.has(u32be(b, item.start + 4))) {
        neutralise(b, item);
        removed.push('location metadata item');
      }
    }
    return;
  }
  const iinf = children.find((c) => c.type === 'iinf');
  const iloc = children.find((c) => c.type === 'iloc');
  if (!iinf || !iloc) return;
  const idat = children.find((c) => c.type === 'idat');
  const locations = itemLocations(b, iloc);
  for (const [id, info] of itemInfos(b, iinf)) {
    const xmp = info.type === 'mime' && info.contentType.toLowerCase().includes('rdf+xml');
    if (info.type !== 'Exif' && !xmp) continue;
    const where = locations.get(id);
    if (!where) continue;
    const what = xmp ? 'XMP item' : 'Exif item';
    for (const e of where.extents) {
      if (where.construction === 0) blank.push({ offset: e.offset, length: e.length, fill: xmp ? 'zero' : 'exif', what });
      else if (where.construction === 1 && idat) blank.push({ offset: base + idat.content + e.offset, length: e.length, fill: xmp ? 'zero' : 'exif', what });
      else throw new MalformedMedia('HEIF', `item ${id} (${info.type}) is stored in a way this server does not clean (construction ${where.construction})`);
    }
    removed.push(what);
  }
}

/** Deeper than any real file nests its boxes: a crafted file of nested boxes is refused, not followed down. */
const MAX_DEPTH = 16;

function scrubBox(b: Uint8Array, box: Box, base: number, removed: string[], blank: BlankRange[], depth = 0): void {
  if (depth > MAX_DEPTH) throw new MalformedMedia('ISO media (MP4/MOV/HEIF)', `boxes nested deeper than ${MAX_DEPTH}`);
  if (LOCATION_BOXES.has(box.type) || (box.type === 'uuid' && XMP_UUID.every((x, i) => b[box.content - 16 + i] === x))) {
    neutralise(b, box);
    removed.push(box.type === 'uuid' ? 'XMP uuid' : box.type);
    return;
  }
  if (box.type === 'meta') scrubMeta(b, box, base, removed, blank, depth);
  else if (CONTAINERS.has(box.type)) for (const child of boxesIn(b, box.content, box.end)) scrubBox(b, child, base, removed, blank, depth + 1);
}

/**
 * Neutralises the location metadata of the boxes in `b` (in place: same length, the same offsets), and lists the
 * ranges of the file that hold HEIF Exif or XMP items. `base`: the file offset of b[0] (b may be one top-level box
 * of a large file read alone, e.g. a video's `moov`).
 */
export function scrubIsoBoxes(b: Uint8Array, base = 0): { removed: string[]; blank: BlankRange[] } {
  const removed: string[] = [];
  const blank: BlankRange[] = [];
  for (const box of boxesIn(b, 0, b.length)) scrubBox(b, box, base, removed, blank);
  return { removed, blank };
}

/** An empty Exif item: the TIFF header offset (0), a big-endian TIFF header and an IFD0 with no entry. */
const EMPTY_EXIF_ITEM = Uint8Array.of(0, 0, 0, 0, 0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0);

/** Overwrites a blank range in a buffer that starts at file offset `base`. */
export function blankRange(b: Uint8Array, range: BlankRange, base = 0): void {
  const from = range.offset - base;
  const length = range.length === 0 ? b.length - from : range.length;
  if (from < 0 || from + length > b.length) throw new MalformedMedia('HEIF', `a metadata item lies outside the file (${range.offset}+${range.length})`);
  b.fill(0, from, from + length);
  if (range.fill === 'exif' && length >= EMPTY_EXIF_ITEM.length) b.set(EMPTY_EXIF_ITEM, from);
}

/** A whole ISO-BMFF file in memory (a HEIC photo, a short clip): cleaned in a copy. */
export function stripIsoBmff(src: Uint8Array): Cleaned {
  const bytes = copyOf(src);
  const { removed, blank } = scrubIsoBoxes(bytes);
  for (const range of blank) blankRange(bytes, range);
  return { bytes, removed };
}
