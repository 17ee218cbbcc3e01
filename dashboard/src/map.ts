/**
 * The map: the world outline (world-atlas, bundled), the places of the timeline's events, and the
 * troop deployments (to the country the timeline shows, or all of them).
 */
import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { TroopDeploymentsDocument, type TroopDeploymentsQuery } from '../../examples/generated/graphql.ts';
import { request } from './api.ts';
import { legendItem } from './badges.ts';
import { CERTAINTIES, CERTAINTY } from './certainty.ts';
import { el, followSize, part, section } from './dom.ts';
import { factBadges, factButton, reportList } from './reports.ts';
import { timelineOf } from './timeline.ts';

echarts.use([GeoComponent, ScatterChart, LinesChart, TooltipComponent, CanvasRenderer]);

type Deployment = TroopDeploymentsQuery['deployments']['edges'][number]['node'];

const root = section('map');
const world = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
echarts.registerMap('world', feature(world, world.objects.countries) as unknown as Parameters<typeof echarts.registerMap>[1]);

const container = part(root, 'map-chart');
let chart: echarts.ECharts | undefined;

export async function loadMap(countryId: string | null): Promise<void> {
  const [{ timeline }, { deployments }] = await Promise.all([
    timelineOf(countryId),
    request(TroopDeploymentsDocument, { destinationId: countryId, first: 100 }),
  ]);
  // A place located only by inference (an unnamed town placed at its country) is hollow and unlabelled.
  const places = new Map<string, { name: string; value: [number, number]; symbol: string; label: { show: boolean } }>();
  for (const place of timeline.flatMap((event) => event.places)) {
    if (!place.coordinates) continue;
    const inferred = place.coordinates.provenance.basis === 'INFERRED';
    places.set(place.id, {
      name: inferred ? `${place.name} (location inferred)` : place.name,
      value: [place.coordinates.longitude, place.coordinates.latitude],
      symbol: inferred ? 'emptyCircle' : 'circle',
      label: { show: !inferred },
    });
  }
  const sent = deployments.edges.map((edge) => edge.node);
  const lines = sent.flatMap((deployment) => {
    const from = deployment.country.coordinates;
    const to = deployment.destination.coordinates;
    if (!from || !to) return [];
    const look = CERTAINTY[deployment.certainty];
    return [
      {
        name: `${deployment.country.name} → ${deployment.destination.name}: ${deployment.force}, ${deployment.status.toLowerCase()} (${look.label})`,
        coords: [
          [from.longitude, from.latitude],
          [to.longitude, to.latitude],
        ] as [number, number][],
        lineStyle: { color: look.color, type: look.lineStyle },
        label: { formatter: deployment.country.name, color: look.color },
      },
    ];
  });

  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
    followSize(container, () => chart?.resize());
  }
  // notMerge: another country's places and deployments replace the previous ones.
  chart.setOption(
    {
      animation: false,
      // Rendered on the canvas: an HTML tooltip would need inline styles, which the page's CSP refuses.
      tooltip: { renderMode: 'richText' },
      geo: {
        map: 'world',
        roam: true,
        boundingCoords: bounds([...[...places.values()].map((place) => place.value), ...lines.flatMap((line) => line.coords)]),
        itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa7b4' },
        emphasis: { disabled: true },
      },
      series: [
        {
          type: 'scatter',
          name: 'Places',
          coordinateSystem: 'geo',
          // Inferred locations first, so a place's own marker is drawn over those placed on it.
          data: [...places.values()].sort((a, b) => Number(a.label.show) - Number(b.label.show)),
          symbolSize: 8,
          itemStyle: { color: '#2c5f8a' },
          label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 },
          labelLayout: { hideOverlap: true },
        },
        {
          type: 'lines',
          name: 'Troop deployments',
          coordinateSystem: 'geo',
          data: lines,
          symbol: ['circle', 'arrow'],
          symbolSize: [5, 10],
          lineStyle: { width: 2, curveness: 0.2, opacity: 0.9 },
          label: { show: true, position: 'start', fontSize: 11, fontWeight: 'bold' },
        },
      ],
    },
    { notMerge: true },
  );
  // What the chart holds, for people's tools and the browser test alike.
  const series = chart.getOption().series as { data?: unknown[] }[];
  container.dataset.places = String(series[0]?.data?.length ?? 0);
  container.dataset.deploymentLines = String(series[1]?.data?.length ?? 0);
  const shown = CERTAINTIES.filter((certainty) => sent.some((deployment) => deployment.certainty === certainty));
  part(root, 'map-legend').replaceChildren(...shown.map((certainty) => legendItem(certainty, 'line')));
  part(root, 'deployments').replaceChildren(...sent.map(deploymentItem));
}

/** The map's view: every point shown, with a margin, as [[west, north], [east, south]]; the whole world without points. */
function bounds(points: [number, number][]): [[number, number], [number, number]] {
  if (points.length === 0) return [[-180, 85], [180, -60]];
  const longitudes = points.map(([longitude]) => longitude);
  const latitudes = points.map(([, latitude]) => latitude);
  const MARGIN = 6;
  return [
    [Math.min(...longitudes) - MARGIN, Math.max(...latitudes) + MARGIN],
    [Math.max(...longitudes) + MARGIN, Math.min(...latitudes) - MARGIN],
  ];
}

function deploymentItem(deployment: Deployment): HTMLElement {
  const label = `${deployment.country.name} → ${deployment.destination.name}: ${deployment.force}, ${deployment.status.toLowerCase()}`;
  const date = deployment.date && [deployment.date.qualifier, deployment.date.iso].filter(Boolean).join(' ');
  const details = [deployment.troops?.text, date, deployment.datesDisagree && 'the articles give different dates'].filter(Boolean).join(' · ');
  return el(
    'li',
    { 'data-testid': 'deployment', 'data-deployment-id': deployment.id, 'data-country': deployment.country.id },
    factButton(label, deployment, {}, label, details ? el('span', { class: 'muted' }, ` (${details})`) : ''),
    ' ',
    ...factBadges(deployment),
    reportList(deployment, label),
  );
}
