/**
 * Charts for the reports, drawn on the server as SVG by Apache ECharts' server-side renderer (no browser, no canvas):
 * `echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })`, then `renderToSVGString()`. Animation is
 * off (with it, bars are drawn at their starting height, 0) and every chart is disposed (an undisposed chart keeps a
 * timer that holds the process open). Each bar and slice carries its value as a label, and ECharts marks each with
 * `ecmeta_data_index`, so the SVG says which datum each shape draws (tests read them back).
 *
 * The fonts named first are the Chinese ones of common systems; the SVG is text, so it prints sharp at any size.
 */
import * as echarts from 'echarts';

export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", sans-serif';
const PALETTE = ['#3b6fb6', '#e07b39', '#4f9a5f', '#c44e52', '#8172b2', '#937860', '#da8bc3', '#8c8c8c', '#ccb974', '#64b5cd', '#1f3b73'];

type Option = Parameters<echarts.ECharts['setOption']>[0];

function render(option: Option, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * A bar chart of one series: horizontal (labels down the side, the largest on top) for long names, else vertical. Each
 * bar is labelled with its value (a bar of 0 is not labelled: there is no bar to read); with more bars than fit
 * (`labelAll` false, the default past 14), the category axis shows every few names.
 */
export function barChart(o: { labels: readonly string[]; values: readonly number[]; horizontal?: boolean; width?: number; height?: number; name?: string }): string {
  const horizontal = o.horizontal ?? false;
  const width = o.width ?? 640;
  const height = o.height ?? (horizontal ? Math.max(160, 36 + o.labels.length * 30) : 300);
  const many = !horizontal && o.labels.length > 14;
  const category = {
    type: 'category' as const,
    data: [...o.labels],
    axisLabel: { fontSize: 12, ...(many ? {} : { interval: 0 }), ...(horizontal ? {} : { rotate: o.labels.length > 8 ? 30 : 0 }) },
    ...(horizontal && { inverse: true }),
  };
  const value = { type: 'value' as const, minInterval: 1 };
  return render(
    {
      grid: { left: horizontal ? 150 : 48, right: 48, top: 24, bottom: horizontal ? 24 : o.labels.length > 8 ? 72 : 40, containLabel: false },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [
        {
          type: 'bar',
          name: o.name ?? '',
          data: [...o.values],
          barMaxWidth: 36,
          label: { show: true, position: horizontal ? 'right' : 'top', fontSize: many ? 10 : 12, formatter: (p: { value: unknown }) => (p.value === 0 ? '' : String(p.value)) },
        },
      ],
    },
    width,
    height,
  );
}

/** A pie of shares: each slice labelled with its name, count and percentage. */
export function pieChart(o: { labels: readonly string[]; values: readonly number[]; width?: number; height?: number }): string {
  return render(
    {
      series: [
        {
          type: 'pie',
          radius: ['0%', '62%'],
          center: ['50%', '52%'],
          data: o.labels.map((name, i) => ({ name, value: o.values[i] ?? 0 })),
          label: { show: true, formatter: '{b} {c}（{d}%）', fontSize: 12 },
          labelLine: { show: true },
        },
      ],
    },
    o.width ?? 640,
    o.height ?? 340,
  );
}

/** A line chart of one or more series over the same periods, each point labelled with its value. */
export function lineChart(o: { labels: readonly string[]; series: ReadonlyArray<{ name: string; values: readonly number[] }>; width?: number; height?: number }): string {
  return render(
    {
      legend: o.series.length > 1 ? { top: 0, data: o.series.map((s) => s.name) } : undefined,
      grid: { left: 48, right: 32, top: o.series.length > 1 ? 36 : 24, bottom: o.labels.length > 12 ? 64 : 40 },
      xAxis: { type: 'category', data: [...o.labels], axisLabel: { fontSize: 11, rotate: o.labels.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: o.series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], symbolSize: 5, label: { show: o.labels.length <= 31, fontSize: 10 } })),
    },
    o.width ?? 640,
    o.height ?? 300,
  );
}
