/**
 * Taking location and other personal metadata out of photos and videos before they are stored (a photo's EXIF GPS
 * says where the complainant lives). Pure functions over bytes; each answers the cleaned bytes and what it took out
 * (names of segments, chunks and boxes — never their content). A file whose structure cannot be followed is refused
 * with MalformedMedia: what cannot be parsed cannot be said to be clean.
 *
 * - JPEG: every APPn segment but APP0 (JFIF), APP2 ICC_PROFILE and APP14 Adobe (colour data the decoder needs), and
 *   every COM segment, are dropped — APP1 (Exif, XMP), APP13 (Photoshop IRB / IPTC, which has its own location
 *   fields), APP2 MPF and the rest. Anything after the end-of-image marker (the secondary images of a multi-picture
 *   file, each with an Exif block of its own) is dropped too. The Exif orientation is kept: when the dropped Exif said
 *   the picture is rotated or mirrored (2–8), a new APP1 with a one-entry Exif (Orientation only) is written.
 * - PNG: eXIf, tEXt, iTXt and zTXt chunks are dropped, and anything after IEND.
 * - WebP: EXIF and XMP chunks are dropped and VP8X's EXIF and XMP flags cleared.
 * - GIF: comment extensions and application extensions other than the animation loop (NETSCAPE2.0, ANIMEXTS1.0)
 *   and ICC colour (ICCRGBG1012) are dropped — XMP lives in one ("XMP DataXMP").
 * - ISO-BMFF (MP4, MOV, HEIC/HEIF/AVIF): boxes are neutralised in place, never removed, so no chunk offset in the
 *   file moves: the box becomes a `free` box of the same size with zeroed content. Neutralised: `©xyz` (the
 *   location ISO 6709 string phones write in `udta`), `loci` (3GPP location), `XMP_` and XMP `uuid` boxes, QuickTime
 *   metadata items (`meta` with an `mdta` handler) whose key names a location (com.apple.quicktime.location.*), and
 *   in HEIF images the Exif and XMP items (their bytes, found through `iinf` and `iloc`, are overwritten: an Exif item
 *   becomes an empty Exif block, XMP zeroes).
 */

import { ascii, bytesOf, concat, copyOf, fourcc, MalformedMedia, u16be, u32be, u32le, type Cleaned } from './media-bytes.js';
import { stripIsoBmff } from './media-isobmff.js';

export { MalformedMedia, type Cleaned } from './media-bytes.js';

// ---------------------------------------------------------------------------------------------------------------
// JPEG

/** The Exif orientation (1–8) in an APP1 Exif payload ("Exif\0\0" + TIFF), or null. */
export function exifOrientation(payload: Uint8Array): number | null {
  if (!ascii(payload, 0, 'Exif\0\0')) return null;
  const t = payload.subarray(6);
  if (t.length < 8) return null;
  const le = ascii(t, 0, 'II');
  if (!le && !ascii(t, 0, 'MM')) return null;
  const u16 = (at: number) => (le ? t[at]! | (t[at + 1]! << 8) : u16be(t, at));
  const u32 = (at: number) => (le ? u32le(t, at) : u32be(t, at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return null;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const e = ifd + 2 + 12 * i;
    if (e + 12 > t.length) return null;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return null;
}

/** An APP1 segment whose Exif holds one entry, the orientation: what a rotated photo keeps of its Exif. */
export function orientationApp1(orientation: number): Uint8Array {
  // "Exif\0\0", then TIFF big-endian: header (8), IFD0 with 1 entry (2 + 12), no next IFD (4).
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = concat([bytesOf('Exif\0\0'), Uint8Array.from(tiff)]);
  const length = payload.length + 2;
  return concat([Uint8Array.of(0xff, 0xe1, length >> 8, length & 0xff), payload]);
}

const JPEG_NAMES: Record<number, string> = { 0xe1: 'APP1', 0xe2: 'APP2', 0xed: 'APP13', 0xee: 'APP14', 0xfe: 'COM' };
const jpegName = (marker: number, payload: Uint8Array): string => {
  const base = JPEG_NAMES[marker] ?? (marker >= 0xe0 && marker <= 0xef ? `APP${marker - 0xe0}` : `marker ${marker.toString(16)}`);
  if (marker === 0xe1) return ascii(payload, 0, 'Exif\0') ? 'APP1 Exif' : ascii(payload, 0, 'http://ns.adobe.com/') ? 'APP1 XMP' : base;
  if (marker === 0xe2 && ascii(payload, 0, 'MPF\0')) return 'APP2 MPF';
  if (marker === 0xed && ascii(payload, 0, 'Photoshop 3.0')) return 'APP13 Photoshop';
  return base;
};

/** Whether a segment stays: everything but metadata; of the APPn segments only what decoding needs. */
function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xfe) return false; // COM: free text
  if (marker < 0xe0 || marker > 0xef) return true; // tables, frames, scans, restart interval
  if (marker === 0xe0) return true; // JFIF / JFXX
  if (marker === 0xe2) return ascii(payload, 0, 'ICC_PROFILE\0');
  if (marker === 0xee) return ascii(payload, 0, 'Adobe');
  return false;
}

export function stripJpeg(src: Uint8Array): Cleaned {
  const bad = (why: string) => new MalformedMedia('JPEG', why);
  if (src[0] !== 0xff || src[1] !== 0xd8) throw bad('no start-of-image marker');
  const out: Uint8Array[] = [src.subarray(0, 2)];
  const removed: string[] = [];
  let orientation: number | null = null;
  // The new Exif goes right after SOI, or after a JFIF APP0 that comes first.
  let exifAt = 1;
  let at = 2;
  for (;;) {
    if (at >= src.length) throw bad('it ends before its end-of-image marker');
    if (src[at] !== 0xff) throw bad(`no marker at byte ${at}`);
    let m = at + 1;
    while (m < src.length && src[m] === 0xff) m++; // fill bytes
    if (m >= src.length) throw bad('it ends inside a marker');
    const marker = src[m]!;
    if (marker === 0xd9) {
      out.push(Uint8Array.of(0xff, 0xd9));
      if (m + 1 < src.length) removed.push('data after end of image');
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(Uint8Array.of(0xff, marker));
      at = m + 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x00) throw bad(`unexpected marker ${marker.toString(16)} at byte ${m}`);
    if (m + 2 >= src.length) throw bad('it ends inside a segment header');
    const length = u16be(src, m + 1);
    const end = m + 1 + length;
    if (length < 2 || end > src.length) throw bad(`segment ${marker.toString(16)} at byte ${m} runs past the end`);
    const payload = src.subarray(m + 3, end);
    if (marker === 0xda) {
      // Start of scan: its header, then entropy-coded data up to the next marker (FF00 is a stuffed FF, FFD0–D7 a
      // restart marker, FFFF fill before a marker).
      let e = end;
      for (;;) {
        if (e + 1 >= src.length) throw bad('it ends inside the image data');
        if (src[e] === 0xff) {
          const next = src[e + 1]!;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
          e += next === 0xff ? 1 : 2;
        } else e++;
      }
      out.push(Uint8Array.of(0xff), src.subarray(m, e));
      at = e;
      continue;
    }
    if (keepJpegSegment(marker, payload)) {
      out.push(Uint8Array.of(0xff), src.subarray(m, end));
      if (marker === 0xe0 && out.length === 3 && exifAt === 1) exifAt = 3;
    } else {
      removed.push(jpegName(marker, payload));
      if (marker === 0xe1 && orientation === null) orientation = exifOrientation(payload);
    }
    at = end;
  }
  if (orientation !== null && orientation !== 1) out.splice(exifAt, 0, orientationApp1(orientation));
  return { bytes: concat(out), removed };
}

// ---------------------------------------------------------------------------------------------------------------
// PNG

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

export function stripPng(src: Uint8Array): Cleaned {
  const bad = (why: string) => new MalformedMedia('PNG', why);
  if (!PNG_SIGNATURE.every((b, i) => src[i] === b)) throw bad('no PNG signature');
  const out: Uint8Array[] = [src.subarray(0, 8)];
  const removed: string[] = [];
  let at = 8;
  for (;;) {
    if (at + 12 > src.length) throw bad('it ends before its IEND chunk');
    const length = u32be(src, at);
    const type = fourcc(src, at + 4);
    const end = at + 12 + length;
    if (end > src.length) throw bad(`chunk ${JSON.stringify(type)} at byte ${at} runs past the end`);
    if (PNG_DROPPED.has(type)) removed.push(type);
    else out.push(src.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  if (at < src.length) removed.push('data after IEND');
  return { bytes: concat(out), removed };
}

// ---------------------------------------------------------------------------------------------------------------
// WebP

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

export function stripWebp(src: Uint8Array): Cleaned {
  const bad = (why: string) => new MalformedMedia('WebP', why);
  if (!ascii(src, 0, 'RIFF') || !ascii(src, 8, 'WEBP')) throw bad('no RIFF WEBP header');
  const riffEnd = 8 + u32le(src, 4);
  if (riffEnd > src.length || riffEnd < 12) throw bad('its RIFF size is larger than the file');
  const chunks: Uint8Array[] = [];
  const removed: string[] = [];
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw bad(`a chunk header at byte ${at} runs past the end`);
    const type = fourcc(src, at);
    const size = u32le(src, at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw bad(`chunk ${JSON.stringify(type)} at byte ${at} runs past the end`);
    if (type === 'EXIF' || type === 'XMP ') removed.push(type.trim());
    else if (type === 'VP8X' && size >= 1) {
      const copy = copyOf(src, at, Math.min(end, riffEnd));
      copy[8] = copy[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(copy);
    } else chunks.push(src.subarray(at, Math.min(end, riffEnd)));
    at = end;
  }
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytesOf('RIFF'), 0);
  const size = body.length + 4;
  header.set([size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, (size >>> 24) & 0xff], 4);
  header.set(bytesOf('WEBP'), 8);
  if (riffEnd < src.length) removed.push('data after RIFF');
  return { bytes: concat([header, body]), removed };
}

// ---------------------------------------------------------------------------------------------------------------
// GIF

/** Application extensions that are not metadata: the animation loop count and an ICC colour profile. */
const GIF_KEPT_APPLICATIONS = ['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012'];

export function stripGif(src: Uint8Array): Cleaned {
  const bad = (why: string) => new MalformedMedia('GIF', why);
  if (!ascii(src, 0, 'GIF87a') && !ascii(src, 0, 'GIF89a')) throw bad('no GIF header');
  if (src.length < 13) throw bad('it ends inside its screen descriptor');
  const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  let at = 13 + colourTable(src[10]!);
  const out: Uint8Array[] = [src.subarray(0, at)];
  const removed: string[] = [];
  /** The end of a run of data sub-blocks starting at `from` (after its terminating zero-length block). */
  const subBlocks = (from: number): number => {
    let p = from;
    for (;;) {
      if (p >= src.length) throw bad('it ends inside a data block');
      const n = src[p]!;
      p += 1 + n;
      if (n === 0) return p;
    }
  };
  for (;;) {
    if (at >= src.length) throw bad('it ends before its trailer');
    const introducer = src[at]!;
    if (introducer === 0x3b) {
      out.push(Uint8Array.of(0x3b));
      if (at + 1 < src.length) removed.push('data after trailer');
      break;
    }
    if (introducer === 0x21) {
      if (at + 2 > src.length) throw bad('it ends inside an extension');
      const label = src[at + 1]!;
      const end = subBlocks(at + 2);
      if (label === 0xfe) removed.push('comment');
      else if (label === 0xff) {
        const id = src[at + 2] === 11 ? String.fromCharCode(...src.subarray(at + 3, at + 14)) : '';
        if (GIF_KEPT_APPLICATIONS.includes(id)) out.push(src.subarray(at, end));
        else removed.push(`application ${JSON.stringify(id)}`);
      } else out.push(src.subarray(at, end));
      at = end;
      continue;
    }
    if (introducer === 0x2c) {
      if (at + 11 > src.length) throw bad('it ends inside an image descriptor');
      const dataStart = at + 10 + colourTable(src[at + 9]!) + 1; // descriptor, local colour table, LZW code size
      const end = subBlocks(dataStart);
      out.push(src.subarray(at, end));
      at = end;
      continue;
    }
    throw bad(`unknown block 0x${introducer.toString(16)} at byte ${at}`);
  }
  return { bytes: concat(out), removed };
}

// ---------------------------------------------------------------------------------------------------------------

/** The cleaner for each media type that carries metadata worth taking out; PDF is stored as it came. */
export function stripMetadata(mediaType: string, src: Uint8Array): Cleaned {
  switch (mediaType) {
    case 'image/jpeg':
      return stripJpeg(src);
    case 'image/png':
      return stripPng(src);
    case 'image/webp':
      return stripWebp(src);
    case 'image/gif':
      return stripGif(src);
    case 'image/heic':
    case 'image/heif':
    case 'image/avif':
    case 'video/mp4':
    case 'video/quicktime':
      return stripIsoBmff(src);
    default:
      return { bytes: src, removed: [] };
  }
}
