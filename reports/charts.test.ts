/**
 * The report charts as their SVG says them: each bar and slice is marked with the datum it draws, bars are as long as
 * their values (in proportion), slices span their share of the circle, and the labels and values are in the text.
 */
import { describe, expect, it } from 'vitest';
import { barChart, lineChart, pieChart } from './charts.js';
import { dataShapes, pathBox, sliceFraction, texts } from '../test/support/svg.js';

describe('report charts (ECharts server-side SVG)', () => {
  const labels = ['物业管理', '市容环卫', '交通管理', '违法建设'];
  const values = [30, 20, 10, 5];

  it('a vertical bar chart: one bar per datum, heights in proportion, names and values as text', () => {
    const svg = barChart({ labels, values });
    expect(svg.startsWith('<svg')).toBe(true);
    const bars = dataShapes(svg);
    expect([...bars.keys()].sort()).toEqual([0, 1, 2, 3]);
    const heights = values.map((_, i) => pathBox(bars.get(i)!.attrs.d!).height);
    for (const [i, v] of values.entries()) expect(heights[i]! / heights[0]!).toBeCloseTo(v / values[0]!, 2);
    const t = texts(svg);
    for (const l of labels) expect(t).toContain(l);
    for (const v of values) expect(t).toContain(String(v));
  });

  it('a horizontal bar chart: widths in proportion, the first datum on top', () => {
    const svg = barChart({ labels, values, horizontal: true });
    const bars = dataShapes(svg);
    const boxes = values.map((_, i) => pathBox(bars.get(i)!.attrs.d!));
    for (const [i, v] of values.entries()) expect(boxes[i]!.width / boxes[0]!.width).toBeCloseTo(v / values[0]!, 2);
    expect(boxes[0]!.y).toBeLessThan(boxes[1]!.y);
    for (const l of labels) expect(texts(svg)).toContain(l);
  });

  it('a pie: slices span their share of the circle, labelled with name, count and percentage', () => {
    const svg = pieChart({ labels, values });
    const slices = dataShapes(svg);
    const total = values.reduce((s, v) => s + v, 0);
    for (const [i, v] of values.entries()) expect(sliceFraction(slices.get(i)!.attrs.d!)).toBeCloseTo(v / total, 3);
    const t = texts(svg);
    expect(t).toContain('物业管理 30（46.15%）');
    expect(t).toContain('违法建设 5（7.69%）');
  });

  it('a line chart labels each point with its value; zero values too', () => {
    const svg = lineChart({ labels: ['3-01', '3-02', '3-03'], series: [{ name: '受理量', values: [4, 0, 7] }] });
    const t = texts(svg);
    for (const l of ['3-01', '3-02', '3-03', '4', '0', '7']) expect(t).toContain(l);
  });

  it('text that could break the SVG is escaped', () => {
    const svg = barChart({ labels: ['<script>&"'], values: [1] });
    expect(svg).not.toContain('<script>');
    expect(texts(svg)).toContain('<script>&"');
  });
});
