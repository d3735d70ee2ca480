import { describe, expect, it } from 'vitest';
import { contains, GPS_MARKERS, heicWithGps, mp4WithLocation } from '../test/support/media-samples.js';
import { blankRange, scrubIsoBoxes, stripIsoBmff } from './media-isobmff.js';
import { MalformedMedia } from './media-bytes.js';

/** Top-level and nested box types with their offsets, to see that nothing moved. */
function boxes(b: Uint8Array, from = 0, to = b.length, depth = 0): Array<[number, string, number]> {
  const out: Array<[number, string, number]> = [];
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let at = from; at + 8 <= to; ) {
    const size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    out.push([at, type, size]);
    if (['moov', 'udta'].includes(type) && depth < 4) out.push(...boxes(b, at + 8, at + size, depth + 1));
    if (type === 'meta') out.push(...boxes(b, at + 8, at + size, depth + 1));
    if (size < 8) break;
    at += size;
  }
  return out;
}

describe('MP4 / MOV', () => {
  it('neutralises ©xyz and the location item of Apple metadata in place: same length, every other box where it was', () => {
    const src = mp4WithLocation();
    expect(contains(src, '+31.2304+121.4737')).toBe(true);
    const { bytes, removed } = stripIsoBmff(src);
    expect(removed).toEqual(['\u00a9xyz', 'location metadata item']);
    expect(bytes.length).toBe(src.length);
    expect(contains(bytes, '+31.2304')).toBe(false);
    // The make stays; the location key's name stays (a name, not a place).
    expect(contains(bytes, 'Apple')).toBe(true);
    const before = boxes(src);
    const after = boxes(bytes);
    expect(after.map(([at, , size]) => [at, size])).toEqual(before.map(([at, , size]) => [at, size]));
    expect(after.map(([, type]) => type)).toEqual(before.map(([, type]) => (type === '\u00a9xyz' ? 'free' : type)));
    // The mdat is untouched.
    expect(Buffer.from(bytes).subarray(-32)).toEqual(Buffer.from(src).subarray(-32));
  });

  it('the original is left alone (a copy is cleaned)', () => {
    const src = mp4WithLocation({ quicktime: true });
    const copy = Buffer.from(src);
    stripIsoBmff(src);
    expect(src).toEqual(copy);
  });

  it('one top-level box read alone (a long video’s moov) is cleaned the same, in place', () => {
    const src = Buffer.from(mp4WithLocation());
    const moovAt = src.indexOf(Buffer.from('moov')) - 4;
    const moov = src.subarray(moovAt, moovAt + src.readUInt32BE(moovAt));
    const { removed, blank } = scrubIsoBoxes(moov, moovAt);
    expect(removed).toHaveLength(2);
    expect(blank).toEqual([]);
    expect(contains(src, '+31.2304')).toBe(false);
  });

  it('refuses a box that runs past its parent, and boxes nested without end', () => {
    const src = Buffer.from(mp4WithLocation());
    const moovAt = src.indexOf(Buffer.from('moov')) - 4;
    src.writeUInt32BE(src.length, moovAt);
    expect(() => stripIsoBmff(src)).toThrow(MalformedMedia);
    // A moov holding 40 udta boxes, each inside the last.
    const wrap = (type: string, inner: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(8 + inner.length);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, inner]);
    };
    let nested = Buffer.alloc(0);
    for (let i = 0; i < 40; i++) nested = wrap('udta', nested);
    expect(() => stripIsoBmff(wrap('moov', nested))).toThrow(/nested deeper/);
  });
});

describe('HEIC', () => {
  it('overwrites the Exif item (found through iinf and iloc) with an empty Exif: no GPS, same length', () => {
    const src = heicWithGps();
    for (const marker of GPS_MARKERS) expect(contains(src, marker)).toBe(true);
    const { bytes, removed } = stripIsoBmff(src);
    expect(removed).toEqual(['Exif item']);
    expect(bytes.length).toBe(src.length);
    for (const marker of GPS_MARKERS) expect(contains(bytes, marker)).toBe(false);
    // The image item's bytes are as they were; the Exif item starts with an empty big-endian TIFF.
    expect(contains(bytes, Buffer.alloc(24, 0x48))).toBe(true);
    expect(contains(bytes, Buffer.from([0, 0, 0, 0, 0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]))).toBe(true);
  });

  it('an item location outside the file is refused', () => {
    expect(() => blankRange(new Uint8Array(10), { offset: 8, length: 4, fill: 'zero', what: 'Exif item' })).toThrow(MalformedMedia);
  });
});
