/** The timeline: one bar per dated event, spanning every day its date can mean. */
import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import { TimelineDocument, type TimelineQuery } from '../../examples/generated/graphql.ts';
import { request } from './api.ts';
import { legendItem } from './badges.ts';
import { CERTAINTIES, CERTAINTY } from './certainty.ts';
import { followSize, part, section } from './dom.ts';
import { showEntity } from './entity.ts';

echarts.use([CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);

type TimelineEvent = TimelineQuery['timeline'][number];
type PartialDate = NonNullable<TimelineEvent['date']>;

const DAY_MS = 86_400_000;
const root = section('timeline');

/** The interval a date can mean, as UTC milliseconds from its first day to the end of its last. */
const interval = (date: PartialDate): [number, number] => [Date.parse(`${date.start}T00:00:00Z`), Date.parse(`${date.end}T00:00:00Z`) + DAY_MS];

let timeline: Promise<TimelineQuery> | undefined;
/** The timeline of Kazakhstan, asked once: the map shows its places too. */
export const timelineOfKazakhstan = () => (timeline ??= request(TimelineDocument, { countryId: 'kazakhstan' }));

export async function loadTimeline(): Promise<void> {
  const events = (await timelineOfKazakhstan()).timeline.filter(
    (event): event is TimelineEvent & { date: PartialDate } => event.date !== null && event.date !== undefined,
  );
  const container = part(root, 'timeline-chart');
  container.dataset.events = String(events.length);
  // Through the CSSOM, which the CSP allows: one row per event.
  container.style.height = `${60 + 36 * events.length}px`;
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  const rows = events.map((event, index) => {
    const [start, end] = interval(event.date);
    return { value: [index, start, end], event };
  });
  chart.setOption({
    animation: false,
    grid: { left: 260, right: 24, top: 8, bottom: 32 },
    // Rendered on the canvas: an HTML tooltip would need inline styles, which the page's CSP refuses.
    tooltip: { renderMode: 'richText', formatter: (params: { dataIndex: number }) => describe(events[params.dataIndex]) },
    xAxis: {
      type: 'time',
      min: Math.min(...rows.map((row) => row.value[1]!)) - DAY_MS,
      max: Math.max(...rows.map((row) => row.value[2]!)) + DAY_MS,
      axisLabel: { formatter: '{MMM} {d}', hideOverlap: true },
    },
    yAxis: { type: 'category', inverse: true, data: events.map((event) => event.name), axisLabel: { width: 250, overflow: 'truncate' } },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        // A date its context implies (INFERRED) is drawn pale: the article does not give it.
        data: rows.map((row) => ({
          value: row.value,
          itemStyle: { color: CERTAINTY[row.event.certainty].color, opacity: row.event.date.provenance.basis === 'INFERRED' ? 0.4 : 1 },
        })),
        renderItem: bar,
      },
    ],
  });
  const shown = CERTAINTIES.filter((certainty) => events.some((event) => event.certainty === certainty));
  part(root, 'timeline-legend').replaceChildren(...shown.map((certainty) => legendItem(certainty, 'box')));
  chart.on('click', (params) => {
    const event = events[params.dataIndex];
    if (event) void showEntity(event.id);
  });
  followSize(container, () => chart.resize());
}

function bar(_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const [x0, y] = api.coord([api.value(1), api.value(0)]) as [number, number];
  const [x1] = api.coord([api.value(2), api.value(0)]) as [number, number];
  const height = (api.size?.([0, 1]) as number[])[1]! * 0.6;
  return { type: 'rect', shape: { x: x0, y: y - height / 2, width: Math.max(x1 - x0, 3), height }, style: api.style() };
}

function describe(event: TimelineEvent | undefined): string {
  if (!event?.date) return '';
  const { start, end, qualifier, provenance } = event.date;
  const when = start === end ? start : `${start} to ${end}`;
  const basis = provenance.basis === 'INFERRED' ? `\ndate inferred: ${provenance.reason ?? 'from its context'}` : '';
  return `${event.name}\n${when}${qualifier ? ` (${qualifier})` : ''}${basis}\n${CERTAINTY[event.certainty].label}`;
}
