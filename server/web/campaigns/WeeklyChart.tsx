import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A bar per week: the what-if's bonus points (the table beside it carries every figure). */
export function WeeklyChart({ labels, values, label }: { labels: string[]; values: number[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const chart = init(box.current);
    chart.setOption({
      tooltip: {},
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: label, data: values }],
    });
    return () => chart.dispose();
  }, [labels, values, label]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height: 240 }} />;
}
