import { useEffect, useRef } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../text';
import { chartIn } from './echarts';

/** One ECharts chart that follows its option and its box's size; `label` names it for screen readers. */
export function EChart({ option, lang, label }: { option: EChartsCoreOption; lang: Lang; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const made = chartIn(element, lang);
    chart.current = made;
    const resized = new ResizeObserver(() => made.resize());
    resized.observe(element);
    return () => {
      resized.disconnect();
      made.dispose();
      chart.current = null;
    };
  }, [lang]);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, lang]);
  return <div ref={box} className="stats__chart" role="img" aria-label={label} data-testid="stats-chart" />;
}
