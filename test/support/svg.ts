/**
 * Reading back the SVG that ECharts' server-side renderer writes (reports/charts.ts), for tests: the shapes it marks
 * with their datum (`ecmeta_data_index`) and their geometry, and the texts. Enough of SVG for what ECharts emits (paths
 * of absolute M, relative l, absolute L and A; text elements), not a general parser.
 */

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m)));

/** Every element of these tags with its attributes and (for elements with text content) its text. */
export function svgElements(svg: string, tags: readonly string[] = ['path', 'text']): SvgElement[] {
  const out: SvgElement[] = [];
  const re = new RegExp(`<(${tags.join('|')})\\b([^>]*?)(/>|>([^<]*)</\\1>)`, 'g');
  for (const m of svg.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    out.push({ tag: m[1]!, attrs, text: decode(m[4] ?? '') });
  }
  return out;
}

/** The shapes that draw data, by their datum's index. */
export function dataShapes(svg: string): Map<number, SvgElement> {
  const shapes = new Map<number, SvgElement>();
  for (const e of svgElements(svg, ['path'])) {
    const index = e.attrs.ecmeta_data_index;
    if (index !== undefined && e.attrs.ecmeta_ssr_type === 'chart') shapes.set(Number(index), e);
  }
  return shapes;
}

export const texts = (svg: string): string[] => svgElements(svg, ['text']).map((e) => e.text);

/** The box a path of M/l/L commands (a bar) covers. */
export function pathBox(d: string): { x: number; y: number; width: number; height: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  let [x, y] = [0, 0];
  for (const m of d.matchAll(/([MLl])\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/g)) {
    const [dx, dy] = [Number(m[2]), Number(m[3])];
    if (m[1] === 'l') [x, y] = [x + dx, y + dy];
    else [x, y] = [dx, dy];
    xs.push(x);
    ys.push(y);
  }
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** The angle (as a fraction of the whole circle) a pie slice's path `M start A r r 0 large sweep end L centre Z` spans. */
export function sliceFraction(d: string): number {
  const m = /M\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*A\s*[\d.]+[\s,]+[\d.]+[\s,]+[\d.]+[\s,]+([01])[\s,]+([01])[\s,]+(-?[\d.]+)[\s,]+(-?[\d.]+)\s*L\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/.exec(d);
  if (!m) throw new Error(`not a pie slice: ${d}`);
  const [sx, sy, large, sweep, ex, ey, cx, cy] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]].map(Number) as [number, number, number, number, number, number, number, number];
  const a1 = Math.atan2(sy - cy, sx - cx);
  const a2 = Math.atan2(ey - cy, ex - cx);
  let span = sweep === 1 ? a2 - a1 : a1 - a2;
  while (span < 0) span += 2 * Math.PI;
  if (large === 1 && span < Math.PI) span = 2 * Math.PI - span;
  return span / (2 * Math.PI);
}
