import { describe, expect, it } from 'vitest';
import { gifWithXmp, heicWithGps, jpegWithGps, mp4WithLocation, pngWithGps, webpWithGps } from '../test/support/media-samples.js';
import { sniffMediaType } from './media-type.js';

const ftyp = (major: string, ...compatible: string[]) => {
  const body = Buffer.concat([Buffer.from(major, 'latin1'), Buffer.alloc(4), ...compatible.map((b) => Buffer.from(b, 'latin1'))]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return Buffer.concat([size, Buffer.from('ftyp'), body, Buffer.alloc(16)]);
};

describe('sniffMediaType: the type from the bytes', () => {
  it('knows the built samples', () => {
    expect(sniffMediaType(jpegWithGps())).toBe('image/jpeg');
    expect(sniffMediaType(pngWithGps())).toBe('image/png');
    expect(sniffMediaType(webpWithGps())).toBe('image/webp');
    expect(sniffMediaType(gifWithXmp())).toBe('image/gif');
    expect(sniffMediaType(heicWithGps())).toBe('image/heic');
    expect(sniffMediaType(mp4WithLocation())).toBe('video/mp4');
    expect(sniffMediaType(mp4WithLocation({ quicktime: true }))).toBe('video/quicktime');
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
  });

  it('reads ftyp brands: the major brand first, then a known compatible one (an image brand before a video one)', () => {
    expect(sniffMediaType(ftyp('mif1', 'heic'))).toBe('image/heif');
    expect(sniffMediaType(ftyp('heix', 'mif1'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('avif', 'mif1'))).toBe('image/avif');
    expect(sniffMediaType(ftyp('mp42', 'isom'))).toBe('video/mp4');
    expect(sniffMediaType(ftyp('qt  '))).toBe('video/quicktime');
    expect(sniffMediaType(ftyp('XXXX', 'mp41'))).toBe('video/mp4');
    expect(sniffMediaType(ftyp('XXXX', 'mp41', 'heic'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('3gp4'))).toBeNull();
  });

  it('an old QuickTime file that starts with its moov or mdat atom is a MOV', () => {
    const atom = (type: string) => Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from(type), Buffer.alloc(8)]);
    expect(sniffMediaType(atom('moov'))).toBe('video/quicktime');
    expect(sniffMediaType(atom('mdat'))).toBe('video/quicktime');
  });

  it('never the name or a claim: text, HTML, SVG, a ZIP, an executable, a truncated header are nothing', () => {
    expect(sniffMediaType(Buffer.from('hello, this is a photo.jpg'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toBeNull();
    expect(sniffMediaType(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffMediaType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffMediaType(new Uint8Array(0))).toBeNull();
  });
});
