import { init, use } from 'echarts/core';
import { LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what the plots use, so the bundle leaves out the rest of ECharts; the SVG renderer draws a plot saved as SVG.
use([LineChart, LinesChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export { init };
