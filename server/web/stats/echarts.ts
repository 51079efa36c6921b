import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Lang } from '../text';

// Only the parts the statistics draw (bars, lines, axes, legend, tooltip on canvas): the page's bundle
// stays small. ECharts' core carries its Chinese and English texts (ZH, EN).
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart in this element, with ECharts' own texts in the page's language. */
export const chartIn = (element: HTMLElement, lang: Lang): ECharts =>
  init(element, null, { locale: lang === 'zh-CN' ? 'ZH' : 'EN', renderer: 'canvas' });
