import { describe, expect, it } from 'vitest';
import { contains, exifTiff, gifWithXmp, GPS_MARKERS, jpegWithGps, LOCATION_TEXT, pngWithGps, webpWithGps } from '../test/support/media-samples.js';
import { exifOrientation, MalformedMedia, orientationApp1, stripGif, stripJpeg, stripMetadata, stripPng, stripWebp } from './media-metadata.js';

/** No GPS rationals, no place names, no XMP left. */
function expectNoLocation(bytes: Uint8Array) {
  for (const marker of GPS_MARKERS) expect(contains(bytes, marker)).toBe(false);
  for (const text of LOCATION_TEXT) expect(contains(bytes, text), text).toBe(false);
  expect(contains(bytes, 'http://ns.adobe.com/xap/1.0/')).toBe(false);
  expect(contains(bytes, 'xmpmeta')).toBe(false);
}

/** The JPEG's segments in order, as marker bytes (scan data skipped), to see what is left. */
function jpegMarkers(b: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at < b.length) {
    const marker = b[at + 1]!;
    markers.push(marker);
    if (marker === 0xd9) break;
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    at += 2 + length;
    if (marker === 0xda) {
      while (!(b[at] === 0xff && b[at + 1] !== 0 && !(b[at + 1]! >= 0xd0 && b[at + 1]! <= 0xd7))) at++;
    }
  }
  return markers;
}

describe('JPEG', () => {
  it('drops Exif (GPS), XMP, Photoshop/IPTC, comments and what follows the end of the image; keeps the orientation', () => {
    const src = jpegWithGps({ orientation: 6 });
    expect(contains(src, GPS_MARKERS[0]!)).toBe(true);
    const { bytes, removed } = stripJpeg(src);
    expectNoLocation(bytes);
    expect(removed).toEqual(['APP1 Exif', 'APP1 XMP', 'APP13 Photoshop', 'COM', 'data after end of image']);
    // SOI, JFIF, the new Exif (orientation only), then the tables and the scan, EOI.
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xe1, 0xdb, 0xc0, 0xc4, 0xda, 0xd9]);
    const app1 = bytes.subarray(Buffer.from(bytes).indexOf(Buffer.from('Exif\0\0')));
    expect(exifOrientation(app1)).toBe(6);
    expect(contains(bytes, orientationApp1(6))).toBe(true);
    expect(bytes.at(-2)).toBe(0xff);
    expect(bytes.at(-1)).toBe(0xd9);
  });

  it('an upright photo keeps no Exif at all', () => {
    const { bytes } = stripJpeg(jpegWithGps({ orientation: 1 }));
    expect(contains(bytes, 'Exif')).toBe(false);
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda, 0xd9]);
  });

  it('keeps the entropy-coded data byte for byte (stuffed bytes and restart markers included)', () => {
    const src = jpegWithGps();
    const sos = src.indexOf(Buffer.from([0xff, 0xda]));
    // A scan with a stuffed FF00 and a restart marker inside it.
    const withStuffing = Buffer.concat([src.subarray(0, sos + 10), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]), src.subarray(sos + 11)]);
    const { bytes } = stripJpeg(withStuffing);
    expect(contains(bytes, Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9]))).toBe(true);
  });

  it('refuses what it cannot follow: no SOI, a segment past the end, a file cut in its scan', () => {
    const src = jpegWithGps();
    expect(() => stripJpeg(Buffer.from('not a jpeg'))).toThrow(MalformedMedia);
    expect(() => stripJpeg(src.subarray(0, 30))).toThrow(/runs past the end/);
    const eoi = src.indexOf(Buffer.from([0xff, 0xd9]));
    expect(() => stripJpeg(src.subarray(0, eoi))).toThrow(/ends inside the image data/);
  });

  it('reads the orientation from big- and little-endian Exif alike, and nothing from a broken one', () => {
    expect(exifOrientation(Buffer.concat([Buffer.from('Exif\0\0'), exifTiff(8)]))).toBe(8);
    expect(exifOrientation(orientationApp1(3).subarray(4))).toBe(3);
    expect(exifOrientation(Buffer.from('Exif\0\0II*\0\xff\xff\xff\xff', 'latin1'))).toBeNull();
    expect(exifOrientation(Buffer.from('XMP'))).toBeNull();
  });
});

describe('PNG', () => {
  it('drops eXIf, tEXt, iTXt and zTXt; keeps IHDR, IDAT, IEND whole (CRCs included)', () => {
    const src = pngWithGps();
    const { bytes, removed } = stripPng(src);
    expect(removed).toEqual(['eXIf', 'tEXt', 'iTXt', 'zTXt']);
    expectNoLocation(bytes);
    const types: string[] = [];
    for (let at = 8; at < bytes.length; ) {
      const length = Buffer.from(bytes).readUInt32BE(at);
      types.push(Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1'));
      at += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(contains(src, bytes.subarray(8, 33))).toBe(true); // IHDR as it was
  });

  it('refuses a cut file', () => {
    expect(() => stripPng(pngWithGps().subarray(0, 40))).toThrow(MalformedMedia);
  });
});

describe('WebP', () => {
  it('drops EXIF and XMP chunks, clears their VP8X flags and rewrites the RIFF size', () => {
    const { bytes, removed } = stripWebp(webpWithGps());
    expect(removed).toEqual(['EXIF', 'XMP']);
    expectNoLocation(bytes);
    const b = Buffer.from(bytes);
    expect(b.toString('latin1', 0, 4)).toBe('RIFF');
    expect(b.readUInt32LE(4)).toBe(b.length - 8);
    expect(b.toString('latin1', 12, 16)).toBe('VP8X');
    expect(b[20]! & 0x0c).toBe(0);
    expect(b.toString('latin1', 30, 34)).toBe('VP8L');
    expect(b.length).toBe(30 + 8 + 14);
  });

  it('refuses a RIFF size larger than the file', () => {
    const src = Buffer.from(webpWithGps());
    src.writeUInt32LE(10_000, 4);
    expect(() => stripWebp(src)).toThrow(/RIFF size/);
  });
});

describe('GIF', () => {
  it('drops the comment and the XMP application extension, keeps the loop extension and the image', () => {
    const src = gifWithXmp();
    const { bytes, removed } = stripGif(src);
    expect(removed).toEqual(['comment', 'application "XMP DataXMP"']);
    expectNoLocation(bytes);
    expect(contains(bytes, 'NETSCAPE2.0')).toBe(true);
    expect(contains(bytes, Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b]))).toBe(true);
  });

  it('refuses a file without its trailer', () => {
    const src = gifWithXmp();
    expect(() => stripGif(src.subarray(0, src.length - 1))).toThrow(/trailer/);
  });
});

describe('stripMetadata', () => {
  it('dispatches by type and leaves PDF as it came', () => {
    expect(stripMetadata('image/png', pngWithGps()).removed).toContain('eXIf');
    const pdf = Buffer.from('%PDF-1.7\n');
    expect(stripMetadata('application/pdf', pdf)).toEqual({ bytes: pdf, removed: [] });
  });
});
