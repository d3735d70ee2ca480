/**
 * Small real media files, built byte by byte, with the location metadata phones put in them: a JPEG (an 8×8 grey
 * baseline image a decoder shows) with Exif GPS, XMP and a comment; a PNG with eXIf and text chunks; a WebP with
 * EXIF and XMP chunks; a GIF with a comment and an XMP application extension; an MP4 with ©xyz and Apple's location
 * key; a HEIC with an Exif item. The GPS numbers are distinctive (GPS_MARKERS) so a test can look for them in bytes.
 */
import { crc32, deflateSync } from 'node:zlib';

export const GPS = { lat: [31, 13, 5678], lng: [121, 28, 9123] } as const;
/** Strings a cleaned file must not contain (the location in the sample's XMP, comment, text chunks and ISO 6709). */
export const LOCATION_TEXT = ['GPSLatitude', '+31.2304+121.4737', '31.2304', '江城区桂花社区3栋'];

const bytes = (...parts: Array<Uint8Array | number[] | string>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/**
 * A little-endian TIFF (as Exif holds it): IFD0 with Make, Orientation and the GPS IFD pointer; the GPS IFD with
 * latitude and longitude (degrees, minutes, hundredths of seconds as rationals).
 */
export function exifTiff(orientation = 6): Buffer {
  // Layout: header (8) | IFD0: count (2) + 3 entries (36) + next (4) = 42 → ends at 50 | Make "Hotline\0" (8) at 50
  // | GPS IFD at 58: count (2) + 4 entries (48) + next (4) = 54 → ends at 112 | lat rationals (24) at 112 | lng (24) at 136.
  const entry = (tag: number, type: number, count: number, value: number[]) => [...le16(tag), ...le16(type), ...le32(count), ...value];
  const rationals = (v: readonly number[]) => [...le32(v[0]!), ...le32(1), ...le32(v[1]!), ...le32(1), ...le32(v[2]!), ...le32(100)];
  return bytes(
    [0x49, 0x49, 0x2a, 0x00, ...le32(8)],
    [...le16(3), ...entry(0x010f, 2, 8, le32(50)), ...entry(0x0112, 3, 1, [...le16(orientation), 0, 0]), ...entry(0x8825, 4, 1, le32(58)), ...le32(0)],
    'Hotline\0',
    [
      ...le16(4),
      ...entry(0x0001, 2, 2, [0x4e, 0, 0, 0]),
      ...entry(0x0002, 5, 3, le32(112)),
      ...entry(0x0003, 2, 2, [0x45, 0, 0, 0]),
      ...entry(0x0004, 5, 3, le32(136)),
      ...le32(0),
    ],
    rationals(GPS.lat),
    rationals(GPS.lng),
  );
}

/** The GPS rationals as they sit in the Exif: a cleaned file must not hold them. */
export const GPS_MARKERS = [Buffer.from([...le32(5678), ...le32(100)]), Buffer.from([...le32(9123), ...le32(100)])];

export const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="31,13.5678N" exif:GPSLongitude="121,28.9123E"/></rdf:RDF></x:xmpmeta>`;

const segment = (marker: number, payload: Buffer) => bytes([0xff, marker, ...be16(payload.length + 2)], payload);

/**
 * An 8×8 grey baseline JPEG: JFIF, Exif (with GPS and the orientation), XMP, a Photoshop APP13, a comment, then the
 * tables and one scan (one block: DC 0, end of block) — and, after its end, a trailing "second image" with an Exif of
 * its own, as multi-picture files carry.
 */
export function jpegWithGps(opts: { orientation?: number; padTo?: number } = {}): Buffer {
  const jfif = segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const exif = segment(0xe1, bytes('Exif\0\0', exifTiff(opts.orientation ?? 6)));
  const xmp = segment(0xe1, bytes('http://ns.adobe.com/xap/1.0/\0', XMP));
  const iptc = segment(0xed, bytes('Photoshop 3.0\0', '8BIM', [0x04, 0x04, 0, 0, 0, 0, 0, 12], '江城区桂花社区3栋'.slice(0, 4)));
  const comment = segment(0xfe, bytes('拍摄于 江城区桂花社区3栋'));
  const dqt = segment(0xdb, bytes([0x00], new Array(64).fill(1)));
  const sof = segment(0xc0, bytes([8, ...be16(8), ...be16(8), 1, 1, 0x11, 0]));
  // One code of length 1 for symbol 0: the DC table's category 0, the AC table's end of block.
  const dht = segment(0xc4, bytes([0x00, 1, ...new Array(15).fill(0), 0x00], [0x10, 1, ...new Array(15).fill(0), 0x00]));
  const sos = segment(0xda, bytes([1, 1, 0x00, 0, 63, 0]));
  // Bits: DC "0" (category 0), AC "0" (EOB), padded with ones.
  const scan = [0x3f];
  const image = bytes([0xff, 0xd8], jfif, exif, xmp, iptc, comment, dqt, sof, dht, sos, scan, [0xff, 0xd9]);
  const trailer = bytes([0xff, 0xd8], segment(0xe1, bytes('Exif\0\0', exifTiff(1))), [0xff, 0xd9]);
  const file = bytes(image, trailer);
  // Padding (a larger file for size limits) goes into a comment, which the cleaner drops too.
  if (opts.padTo && opts.padTo > file.length) {
    const pads: Buffer[] = [];
    for (let left = opts.padTo - file.length; left > 0; left -= 65_537) pads.push(segment(0xfe, Buffer.alloc(Math.min(65_533, Math.max(0, left - 4)), 0x20)));
    return bytes([0xff, 0xd8], ...pads, image.subarray(2), trailer);
  }
  return file;
}

const chunk = (type: string, data: Buffer) => {
  const body = bytes(type, data);
  return bytes(be32(data.length), body, be32(crc32(body)));
};

/** A 1×1 grey PNG with an eXIf chunk (GPS) and tEXt / iTXt / zTXt chunks naming the place. */
export function pngWithGps(): Buffer {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', bytes(be32(1), be32(1), [8, 0, 0, 0, 0])),
    chunk('eXIf', exifTiff(1)),
    chunk('tEXt', bytes('Comment\0', '+31.2304+121.4737')),
    chunk('iTXt', bytes('XML:com.adobe.xmp\0', [0, 0], '\0\0', XMP)),
    chunk('zTXt', bytes('Location\0', [0], deflateSync(Buffer.from('江城区桂花社区3栋')))),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  );
}

/** A 1×1 lossless WebP with VP8X (EXIF and XMP flags set), an EXIF chunk and an XMP chunk. */
export function webpWithGps(): Buffer {
  const riffChunk = (type: string, data: Buffer) => bytes(type, le32(data.length), data, data.length % 2 ? [0] : []);
  // VP8X: flags (EXIF 0x08 | XMP 0x04), 3 reserved bytes, canvas width − 1 and height − 1 (24 bits each).
  const vp8x = riffChunk('VP8X', bytes([0x08 | 0x04, 0, 0, 0], [0, 0, 0], [0, 0, 0]));
  const vp8l = riffChunk('VP8L', Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]));
  const exif = riffChunk('EXIF', exifTiff(1));
  const xmp = riffChunk('XMP ', Buffer.from(XMP));
  const body = bytes('WEBP', vp8x, vp8l, exif, xmp);
  return bytes('RIFF', le32(body.length), body);
}

/** A 1×1 GIF89a with a comment and an XMP application extension (the XMP raw, then the 258-byte magic trailer). */
export function gifWithXmp(): Buffer {
  const trailer = [1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0];
  return bytes(
    'GIF89a',
    [1, 0, 1, 0, 0x80, 0, 0],
    [0xff, 0xff, 0xff, 0, 0, 0],
    [0x21, 0xfe, 17], '+31.2304+121.4737', [0],
    [0x21, 0xff, 11], 'XMP DataXMP', XMP, trailer,
    [0x21, 0xff, 11], 'NETSCAPE2.0', [3, 1, 0, 0, 0],
    [0x21, 0xf9, 4, 1, 0, 0, 0, 0],
    [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0],
    [2, 2, 0x44, 0x01, 0],
    [0x3b],
  );
}

const box = (type: string | number[], ...content: Array<Buffer | number[] | string>) => {
  const body = bytes(...content);
  return bytes(be32(8 + body.length), typeof type === 'string' ? Buffer.from(type, 'latin1') : Buffer.from(type), body);
};
const fullBox = (type: string, version: number, ...content: Array<Buffer | number[] | string>) => box(type, [version, 0, 0, 0], ...content);

/**
 * An MP4 as a phone writes it: ftyp, moov (mvhd; udta with ©xyz; meta with Apple's mdta keys — the location and
 * the make — and their items), then mdat with "video" bytes. `quicktime`: a MOV's ftyp (`qt  `).
 */
export function mp4WithLocation(opts: { quicktime?: boolean; mdatBytes?: number } = {}): Buffer {
  const ftyp = opts.quicktime ? box('ftyp', 'qt  ', be32(0), 'qt  ') : box('ftyp', 'isom', be32(0x200), 'isom', 'iso2', 'mp41');
  const mvhd = fullBox('mvhd', 0, be32(0), be32(0), be32(1000), be32(0), be32(0x00010000), be16(0x0100), new Array(10).fill(0), new Array(36).fill(0), new Array(24).fill(0), be32(2));
  const xyz = box([0xa9, 0x78, 0x79, 0x7a], be16(18), be16(0x15c7), '+31.2304+121.4737/');
  const udta = box('udta', xyz);
  const key = (name: string) => bytes(be32(8 + name.length), 'mdta', name);
  const keys = fullBox('keys', 0, be32(2), key('com.apple.quicktime.location.ISO6709'), key('com.apple.quicktime.make'));
  const item = (index: number, value: string) => box(be32(index), box('data', be32(1), be32(0), value));
  const ilst = box('ilst', item(1, '+31.2304+121.4737+012.000/'), item(2, 'Apple'));
  const hdlr = fullBox('hdlr', 0, be32(0), 'mdta', new Array(12).fill(0), [0]);
  const meta = box('meta', hdlr, keys, ilst);
  const moov = box('moov', mvhd, udta, meta);
  const mdat = box('mdat', Buffer.alloc(opts.mdatBytes ?? 32, 0x56));
  return bytes(ftyp, moov, mdat);
}

/**
 * A HEIC as a phone writes it: ftyp (heic, mif1), meta (hdlr pict; iinf with an hvc1 item and an Exif item; iloc
 * pointing both into mdat), mdat (the "image" and the Exif: a 4-byte header offset, then TIFF with GPS).
 */
export function heicWithGps(): Buffer {
  const ftyp = box('ftyp', 'heic', be32(0), 'mif1', 'heic');
  const hdlr = fullBox('hdlr', 0, be32(0), 'pict', new Array(12).fill(0), [0]);
  const infe = (id: number, type: string) => fullBox('infe', 2, be16(id), be16(0), type, [0]);
  const iinf = fullBox('iinf', 0, be16(2), infe(1, 'hvc1'), infe(2, 'Exif'));
  const image = Buffer.alloc(24, 0x48);
  const exif = bytes(be32(0), exifTiff(1));
  const iloc = (imageAt: number, exifAt: number) =>
    fullBox('iloc', 0, [0x44, 0x00], be16(2), be16(1), be16(0), be16(1), be32(imageAt), be32(image.length), be16(2), be16(0), be16(1), be32(exifAt), be32(exif.length));
  // Lay it out once to learn where mdat's content starts, then again with the real offsets (same sizes).
  const layout = (imageAt: number, exifAt: number) => bytes(ftyp, box('meta', [0, 0, 0, 0], hdlr, iinf, iloc(imageAt, exifAt)), box('mdat', image, exif));
  const start = layout(0, 0).length - image.length - exif.length;
  return layout(start, start + image.length);
}

/** Whether `needle` occurs in `hay`. */
export const contains = (hay: Uint8Array, needle: Uint8Array | string) => Buffer.from(hay).includes(typeof needle === 'string' ? Buffer.from(needle) : Buffer.from(needle));
