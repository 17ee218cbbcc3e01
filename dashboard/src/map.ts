/** The map: the world outline (world-atlas, bundled), the places with coordinates, and the troop deployments. */
import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { TroopDeploymentsDocument, type TroopDeploymentsQuery } from '../../examples/generated/graphql.ts';
import { evidenceOf, showEvidence } from './article.ts';
import { request } from './api.ts';
import { certaintyBadge } from './badges.ts';
import { el, followSize, part, section } from './dom.ts';
import { timelineOfKazakhstan } from './timeline.ts';

echarts.use([GeoComponent, ScatterChart, LinesChart, TooltipComponent, CanvasRenderer]);

type Deployment = TroopDeploymentsQuery['deployments']['edges'][number]['node'];

const root = section('map');
const world = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
echarts.registerMap('world', feature(world, world.objects.countries) as unknown as Parameters<typeof echarts.registerMap>[1]);

export async function loadMap(): Promise<void> {
  const [{ timeline }, { deployments }] = await Promise.all([
    timelineOfKazakhstan(),
    request(TroopDeploymentsDocument, { destinationId: 'kazakhstan', first: 100 }),
  ]);
  const places = new Map<string, { name: string; value: [number, number] }>();
  for (const place of timeline.flatMap((event) => event.places)) {
    if (place.coordinates) places.set(place.id, { name: place.name, value: [place.coordinates.longitude, place.coordinates.latitude] });
  }
  const sent = deployments.edges.map((edge) => edge.node);

  const container = part(root, 'map-chart');
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    // Rendered on the canvas: an HTML tooltip would need inline styles, which the page's CSP refuses.
    tooltip: { renderMode: 'richText' },
    geo: {
      map: 'world',
      roam: true,
      boundingCoords: [[24, 58], [90, 36]],
      itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa7b4' },
      emphasis: { disabled: true },
    },
    series: [
      {
        type: 'scatter',
        name: 'Places',
        coordinateSystem: 'geo',
        data: [...places.values()],
        symbolSize: 8,
        itemStyle: { color: '#2c5f8a' },
        label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 },
        labelLayout: { hideOverlap: true },
      },
    ],
  });
  const series = chart.getOption().series as { data?: unknown[] }[];
  container.dataset.places = String(series[0]?.data?.length ?? 0);
  part(root, 'deployments').replaceChildren(...sent.map(deploymentItem));
  followSize(container, () => chart.resize());
}

function deploymentItem(deployment: Deployment): HTMLElement {
  const label = `${deployment.country.name} → ${deployment.destination.name}: ${deployment.force}, ${deployment.status.toLowerCase()}`;
  const details = [deployment.troops?.text, deployment.date && [deployment.date.qualifier, deployment.date.iso].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' · ');
  const button = el('button', { type: 'button', class: 'fact' }, label, details ? el('span', { class: 'muted' }, ` (${details})`) : null);
  button.addEventListener('click', () => showEvidence(evidenceOf(deployment.id), label));
  return el('li', { 'data-testid': 'deployment', 'data-country': deployment.country.id }, button, ' ', certaintyBadge(deployment.certainty));
}
