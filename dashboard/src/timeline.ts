/**
 * The timeline: one bar per dated event, spanning every day its date can mean, of every country
 * or of the one picked among those the graph has events in. The map follows the same choice.
 */
import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import { EventsByCountryDocument, TimelineDocument, type TimelineQuery } from '../../examples/generated/graphql.ts';
import { request } from './api.ts';
import { articleName } from './article.ts';
import { legendItem } from './badges.ts';
import { CERTAINTIES, CERTAINTY } from './certainty.ts';
import { el, followSize, part, section } from './dom.ts';
import { showEntity } from './entity.ts';

echarts.use([CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);

type TimelineEvent = TimelineQuery['timeline'][number];
type PartialDate = NonNullable<TimelineEvent['date']>;

const DAY_MS = 86_400_000;
const root = section('timeline');

/** The interval a date can mean, as UTC milliseconds from its first day to the end of its last. */
const interval = (date: PartialDate): [number, number] => [Date.parse(`${date.start}T00:00:00Z`), Date.parse(`${date.end}T00:00:00Z`) + DAY_MS];

const timelines = new Map<string, Promise<TimelineQuery>>();
/** The timeline of one country, or of every country (null), asked once: the map shows its places too. */
export function timelineOf(countryId: string | null): Promise<TimelineQuery> {
  let timeline = timelines.get(countryId ?? '');
  if (!timeline) timelines.set(countryId ?? '', (timeline = request(TimelineDocument, { countryId })));
  return timeline;
}

/** The country picker: every country the graph has events in, from the events' own places. */
export async function loadCountries(onPick: (countryId: string | null) => void): Promise<void> {
  const picker = part<HTMLSelectElement>(root, 'country-picker');
  const { eventCounts } = await request(EventsByCountryDocument, { first: 500 });
  const countries = new Map(eventCounts.rows.flatMap((row) => (row.entity ? [[row.entity.id, row.entity.name] as const] : [])));
  picker.replaceChildren(
    el('option', { value: '' }, 'Every country'),
    ...[...countries].sort(([, a], [, b]) => a.localeCompare(b)).map(([id, name]) => el('option', { value: id }, name)),
  );
  picker.addEventListener('change', () => onPick(picker.value || null));
}

const container = part(root, 'timeline-chart');
let chart: echarts.ECharts | undefined;

export async function loadTimeline(countryId: string | null): Promise<void> {
  const events = (await timelineOf(countryId)).timeline.filter(
    (event): event is TimelineEvent & { date: PartialDate } => event.date !== null && event.date !== undefined,
  );
  container.dataset.events = String(events.length);
  // Through the CSSOM, which the CSP allows: one row per event.
  container.style.height = `${60 + 36 * events.length}px`;
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
    followSize(container, () => {
      chart?.resize();
      chart?.setOption({ grid: grid(), yAxis: { axisLabel: { width: labelWidth() } } });
    });
    chart.on('click', (params) => {
      const event = shownEvents[params.dataIndex];
      if (event) void showEntity(event.id);
    });
  }
  shownEvents = events;
  const rows = events.map((event, index) => {
    const [start, end] = interval(event.date);
    return { value: [index, start, end], event };
  });
  // notMerge: another country's events replace the previous ones rather than merge into them.
  chart.setOption(
    {
      animation: false,
      grid: grid(),
      // Rendered on the canvas: an HTML tooltip would need inline styles, which the page's CSP refuses.
      tooltip: { renderMode: 'richText', formatter: (params: { dataIndex: number }) => describe(events[params.dataIndex]) },
      xAxis: {
        type: 'time',
        min: Math.min(...rows.map((row) => row.value[1]!)) - DAY_MS,
        max: Math.max(...rows.map((row) => row.value[2]!)) + DAY_MS,
        axisLabel: { formatter: '{MMM} {d}', hideOverlap: true },
      },
      yAxis: { type: 'category', inverse: true, data: events.map((event) => event.name), axisLabel: { width: labelWidth(), overflow: 'truncate' } },
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
    },
    { notMerge: true },
  );
  const shown = CERTAINTIES.filter((certainty) => events.some((event) => event.certainty === certainty));
  part(root, 'timeline-legend').replaceChildren(...shown.map((certainty) => legendItem(certainty, 'box')));
}

/** The events the chart shows, in its rows' order, for clicks. */
let shownEvents: TimelineEvent[] = [];

/** Event names take at most 40 % of the width (250 px on a desktop), so a phone keeps room for the bars. */
const labelWidth = () => Math.min(250, Math.round(container.clientWidth * 0.4));
const grid = () => ({ left: labelWidth() + 10, right: 16, top: 8, bottom: 32 });

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
  const reports = event.reports.map((report) => `${articleName(report.article)}: ${CERTAINTY[report.certainty].label}`);
  const more = event.articleCount > reports.length ? [`and ${event.articleCount - reports.length} more`] : [];
  return `${event.name}\n${when}${qualifier ? ` (${qualifier})` : ''}${basis}\n${CERTAINTY[event.certainty].label}\nreported in:\n${[...reports, ...more].join('\n')}`;
}
