/**
 * A small React wrapper of ECharts (tree-shaken: the heat map and bar charts the committee's
 * screens use, on canvas). The chart follows its container's size; a click on a data item is
 * handed to `onItemClick` with the item's data.
 */
import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, MarkLineComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, DataZoomComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption | MarkLineComponentOption | DataZoomComponentOption
>;

export interface EChartProps {
  readonly option: ChartOption;
  readonly height: number;
  readonly onItemClick?: (data: unknown, dataIndex: number) => void;
  /** For assistive technology and tests: what the chart shows. */
  readonly label: string;
  readonly testId?: string;
}

export function EChart({ option, height, onItemClick, label, testId }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const el = host.current!;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p.data, p.dataIndex));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (c === null) return;
    // drawn in a task of its own after the screen's commit: the screen paints first, and a page of
    // charts is not one long task (a city heat map alone takes 100–250 ms on a cold start)
    const drawing = setTimeout(() => c.setOption(option, { notMerge: true }), 0);
    return () => clearTimeout(drawing);
  }, [option]);

  return <div ref={host} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
