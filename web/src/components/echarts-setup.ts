// Loaded on demand (own chunk): only the parts of Apache ECharts we use.
import { init, use } from 'echarts/core';
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, RadarChart, GridComponent, LegendComponent, RadarComponent, SVGRenderer]);

export { init };
