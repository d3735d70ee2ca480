/**
 * What a file is, from its first bytes (magic numbers and ISO-BMFF `ftyp` brands), never from its name or the
 * Content-Type a client sent. Pure: the attachments service reads the head of an upload and asks here.
 *
 * Known: JPEG, PNG, WebP, GIF, HEIC/HEIF/AVIF (ISO-BMFF image brands), MP4 and QuickTime MOV (ISO-BMFF video brands,
 * and old QuickTime files that start with a `moov`, `mdat`, `wide` or `free` atom), PDF. Anything else is null.
 */

export const MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/avif',
  'video/mp4',
  'video/quicktime',
  'application/pdf',
] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** How an upload of this type is limited and cleaned: images in memory, videos on disk, documents as they are. */
export type MediaKind = 'image' | 'video' | 'document';
export const MEDIA_KIND: Record<MediaType, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'image/avif': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'application/pdf': 'document',
};

/** The file name extension a download of this type gets (the uploader's name is kept apart, for display). */
export const EXTENSION: Record<MediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'application/pdf': 'pdf',
};

/** How many leading bytes sniffing needs at most (an `ftyp` box with a few compatible brands). */
export const SNIFF_BYTES = 64;

const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  if (at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const fourcc = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** ISO-BMFF brands, major first: what each says the file is. HEIF image brands before video ones (a HEIC lists mif1). */
const IMAGE_BRANDS: Record<string, MediaType> = {
  heic: 'image/heic',
  heix: 'image/heic',
  heim: 'image/heic',
  heis: 'image/heic',
  hevc: 'image/heic',
  hevx: 'image/heic',
  avif: 'image/avif',
  avis: 'image/avif',
  mif1: 'image/heif',
  msf1: 'image/heif',
  mif2: 'image/heif',
};
const VIDEO_BRANDS: Record<string, MediaType> = {
  'qt  ': 'video/quicktime',
  isom: 'video/mp4',
  iso2: 'video/mp4',
  iso3: 'video/mp4',
  iso4: 'video/mp4',
  iso5: 'video/mp4',
  iso6: 'video/mp4',
  iso8: 'video/mp4',
  iso9: 'video/mp4',
  mp41: 'video/mp4',
  mp42: 'video/mp4',
  avc1: 'video/mp4',
  dash: 'video/mp4',
  M4V: 'video/mp4',
  'M4V ': 'video/mp4',
  MSNV: 'video/mp4',
  mmp4: 'video/mp4',
  f4v: 'video/mp4',
  'f4v ': 'video/mp4',
};

/** The type an `ftyp` box names: its major brand, else the first compatible brand that is known. */
function isoBmffType(b: Uint8Array): MediaType | null {
  const size = u32(b, 0);
  if (size < 16 || !ascii(b, 4, 'ftyp')) return null;
  const end = Math.min(size, b.length);
  const brands = [fourcc(b, 8)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(fourcc(b, at));
  // The major brand decides when it is known; compatible brands break ties (an image brand wins over mp41 etc.).
  const major = brands[0]!;
  const fromMajor = IMAGE_BRANDS[major] ?? VIDEO_BRANDS[major];
  if (fromMajor) return fromMajor;
  for (const brand of brands) if (IMAGE_BRANDS[brand]) return IMAGE_BRANDS[brand];
  for (const brand of brands) if (VIDEO_BRANDS[brand]) return VIDEO_BRANDS[brand];
  return null;
}

/** QuickTime files from before `ftyp`: the first atom is one of these. */
const QUICKTIME_FIRST_ATOMS = ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'];

/** The media type of a file from its first bytes (at least SNIFF_BYTES of them, or the whole file), or null. */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  const b = head;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, '%PDF-')) return 'application/pdf';
  if (b.length >= 12 && ascii(b, 4, 'ftyp')) return isoBmffType(b);
  if (b.length >= 8 && QUICKTIME_FIRST_ATOMS.some((atom) => ascii(b, 4, atom)) && u32(b, 0) >= 8) return 'video/quicktime';
  return null;
}
