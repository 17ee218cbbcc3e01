/**
 * The dashboard in a real browser (Debian's chromium, driven by playwright-core) against the seeded
 * API: what a person sees, no console or page errors, and no request leaving this machine.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../../src/server/dashboard.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { annotation } from './api-fixture.ts';

/** Installed from Debian (.ci/run); playwright-core downloads no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = 'test-results/dashboard.png';

let api: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  // Built again (a second or two), so the test sees the dashboard's current source, not an older bundle.
  await build({ configFile: 'dashboard/vite.config.ts', logLevel: 'warn' });
  // Persisted documents only: the page may send nothing but the operations of examples/.
  api = await startTestServer({ PERSISTED_DOCUMENTS_ONLY: 'true' });
  // Root in CI containers cannot use chromium's user-namespace sandbox.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  // CSP refusals, reported whether or not the browser logs them.
  // Whole stacks in page errors: a library's innermost frames rarely say which call of ours failed.
  await page.addInitScript('Error.stackTraceLimit = 100');
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('CSP refused ' + e.blockedURI + ' (' + e.violatedDirective + ')'))`);
  await page.goto(`${api.baseUrl}/dashboard/`);
  // A selector, not waitForFunction: the page's CSP (rightly) refuses string predicates.
  await page.waitForSelector('section[data-state="loading"]', { state: 'detached', timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const figure = (counts: string, metric: string) => page.locator(`[data-testid="figure"][data-metric="${metric}"]`).filter({ hasText: counts });
const marks = async () => (await page.getByTestId('evidence-mark').allTextContents()).join('');

describe('the dashboard', () => {
  it('loads every section', async () => {
    const sections = await page.locator('section[data-state]').all();
    expect(sections).toHaveLength(6);
    for (const section of sections) expect(await section.getAttribute('data-state'), await section.getAttribute('id') ?? '').toBe('ready');
  });

  it('shows the headline figures exactly as the article words them, with their ranges and sources', async () => {
    const killed = figure('security personnel', 'KILLED');
    await expect.poll(() => killed.getByTestId('figure-text').textContent()).toBe('18');
    expect(await killed.textContent()).toContain('Interior Ministry of Kazakhstan');
    const arrested = figure('people', 'ARRESTED');
    expect(await arrested.getByTestId('figure-text').textContent()).toBe('more than 2,000');
    expect(await arrested.getByTestId('figure-range').textContent()).toBe('> 2,000');
  });

  it('draws the five deployments to Kazakhstan and the places on the map', async () => {
    expect(await page.getByTestId('deployment').count()).toBe(5);
    expect(await page.getByTestId('map-chart').getAttribute('data-deployment-lines')).toBe('5');
    expect(Number(await page.getByTestId('map-chart').getAttribute('data-places'))).toBeGreaterThan(0);
  });

  it("draws Balbek's allegations as allegations: dashed, red, labelled \"alleged\", and reported claims otherwise", async () => {
    const balbek = page.locator('[data-testid="claim"][data-speaker="ruslan-balbek"]');
    expect(await balbek.count()).toBe(annotation.claims.filter((claim) => claim.speakerId === 'ruslan-balbek').length);
    for (const claim of await balbek.all()) {
      expect(await claim.getAttribute('data-certainty')).toBe('ALLEGED');
      expect(Number(await claim.getAttribute('data-edges'))).toBeGreaterThan(0);
      expect(await claim.getAttribute('data-line-style')).toBe('dashed');
      expect(await claim.getAttribute('data-edge-label')).toBe('alleged');
      expect(await claim.getByText('alleged', { exact: true }).count()).toBe(1);
    }
    const reported = page.locator('[data-testid="claim"][data-certainty="REPORTED"]');
    expect(await reported.count()).toBeGreaterThan(0);
    for (const claim of await reported.all()) expect(await claim.getAttribute('data-line-style')).not.toBe('dashed');
    expect(await page.locator('[data-testid="legend-item"][data-certainty="ALLEGED"]').textContent()).toContain('alleged');
  });

  it('highlights the evidence of a clicked fact in the article text', async () => {
    const president = annotation.relations.find((r) => r.from === 'kassym-jomart-tokayev' && r.type === 'HOLDS_POSITION')!;
    await page.getByTestId('fact').filter({ hasText: 'holds position President' }).click();
    expect(await marks()).toBe(president.evidence[0]!.text);

    const eighteen = annotation.figures.find((f) => f.id === 'security-personnel-killed-18')!;
    await figure('security personnel', 'KILLED').click();
    expect(await marks()).toBe(eighteen.evidence[0]!.text);
    expect(await marks()).toContain('18 security personnel died');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('finds an entity by search and opens its card', async () => {
    await page.getByTestId('search-input').fill('gulen');
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[data-testid="search-hit"][data-entity-id="fetullah-gulen"]').click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toContain('Fetullah Gülen');
  });

  it("links the figures on an entity card to their evidence: the Interior Ministry's 18", async () => {
    await page.getByTestId('search-input').fill('interior ministry');
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[data-testid="search-hit"][data-entity-id="interior-ministry-kazakhstan"]').click();
    await page.getByTestId('fact').filter({ hasText: 'Figure: 18 security personnel' }).click();
    const eighteen = annotation.figures.find((f) => f.id === 'security-personnel-killed-18')!;
    expect(await marks()).toBe(eighteen.evidence[0]!.text);
  });

  it('logs no errors, requests nothing from another machine, and asks the API by persisted-document id', () => {
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(`${api.baseUrl}/`), url).toBe(true);
    const operations = requests.map((url) => new URL(url)).filter((url) => url.pathname === '/graphql');
    expect(operations.length).toBeGreaterThan(0);
    for (const url of operations) expect(url.searchParams.get('documentId'), url.href).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('the dashboard route without a bundle', () => {
  it('answers a clear message', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'newsgraph-no-dashboard-'));
    const app = express().use('/dashboard', dashboardRouter(empty));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/dashboard is not built.*npm install/);
    } finally {
      server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
