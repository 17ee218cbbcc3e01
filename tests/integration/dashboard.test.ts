/**
 * The dashboard in a real browser (Debian's chromium, driven by playwright-core) against the API
 * over two articles about the same story (the first article's fixture folder, and the second
 * report of tests/fixtures/second-report, which restates some of its facts and adds its own), at
 * desktop size and at a phone's 390×844: what a person sees, no console or page errors, and no
 * request leaving this machine.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { listAnnotationFiles, loadArticles, validateFiles } from '../../src/seed/load.ts';
import type { ValidatedArticle } from '../../src/seed/validate.ts';
import { dashboardRouter } from '../../src/server/dashboard.ts';
import { startHttpServer, type RunningServer } from '../../src/server/http.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';
import { openTestDatabase, seedTestDatabase, testConfig, testLogger } from './helpers.ts';

/** Installed from Debian (.ci/run); playwright-core downloads no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const SECOND_REPORT = fileURLToPath(new URL('../fixtures/second-report/', import.meta.url));
const PHONE = { width: 390, height: 844 };

let database: Database;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let first: ValidatedArticle;
let second: ValidatedArticle;

/** The values of an attribute over every element a locator matches, in page order. */
const attributes = async (locator: Locator, name: string) => Promise.all((await locator.all()).map((element) => element.getAttribute(name)));

/** How wide the page is laid out, and how wide the screen: wider means a horizontal scroll bar. */
const pageWidths = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return { page: root.scrollWidth, screen: root.clientWidth };
  });

/** One browser tab on the dashboard, with everything it logged as an error and every URL it asked for. */
interface Tab {
  page: Page;
  problems: string[];
  requests: string[];
}

async function openDashboard(viewport: { width: number; height: number }): Promise<Tab> {
  const page = await browser.newPage({ viewport });
  const tab: Tab = { page, problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') tab.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => tab.problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('request', (request) => tab.requests.push(request.url()));
  // Whole stacks in page errors: a library's innermost frames rarely say which call of ours failed.
  await page.addInitScript('Error.stackTraceLimit = 100');
  // CSP refusals, reported whether or not the browser logs them.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('CSP refused ' + e.blockedURI + ' (' + e.violatedDirective + ')'))`);
  await page.goto(`${baseUrl}/dashboard/`);
  // A selector, not waitForFunction: the page's CSP (rightly) refuses string predicates. A bound on
  // liveness, not speed: a cold graph on a busy machine may take a while to answer every panel.
  await page.waitForSelector('section[data-state="loading"]', { state: 'detached', timeout: 150_000 });
  return tab;
}

beforeAll(async () => {
  // Built again (a second or two), so the test sees the dashboard's current source, not an older bundle.
  await build({ configFile: 'dashboard/vite.config.ts', logLevel: 'warn' });
  // Persisted documents only: the page may send nothing but the operations of examples/.
  const config = testConfig({ PERSISTED_DOCUMENTS_ONLY: 'true' });
  database = await openTestDatabase(config);
  const { articles, background } = await validateFiles([...(await listAnnotationFiles(FIXTURE_DIR)), ...(await listAnnotationFiles(SECOND_REPORT))]);
  [first, second] = articles as [ValidatedArticle, ValidatedArticle];
  await database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: database.name });
  await loadArticles(database.driver, database.name, articles, { background });
  server = await startHttpServer(config, database, testLogger());
  baseUrl = `http://127.0.0.1:${server.port}`;
  // Root in CI containers cannot use chromium's user-namespace sandbox.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (database) {
    // The next test files expect the graph they load themselves, not this fixture's second article.
    await database.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: database.name });
    await seedTestDatabase(database);
    await database.close();
  }
});

/** The evidence text of a fact as one article's annotation gives it. */
function evidenceText(article: ValidatedArticle, collection: 'figures' | 'claims' | 'deployments', id: string): string {
  const fact = article.annotation[collection].find((candidate) => candidate.id === id);
  if (!fact) throw new Error(`${article.annotation.article.id} does not report ${id}`);
  return fact.evidence.map((span) => span.text).join('');
}

/** The articles' ids in the order the API lists them (by id), as the picker shows them. */
const pickerOrder = () => [first, second].map((article) => article.annotation.article.id).sort();

/** The ids of the facts of a collection that both articles report. */
function reportedByBoth(collection: 'figures' | 'claims' | 'deployments'): string[] {
  const inSecond = new Set(second.annotation[collection].map((fact) => fact.id));
  return first.annotation[collection].map((fact) => fact.id).filter((id) => inSecond.has(id));
}

describe('the dashboard at desktop size, over two articles about the same story', () => {
  let tab: Tab;
  let page: Page;
  beforeAll(async () => {
    tab = await openDashboard({ width: 1400, height: 1000 });
    page = tab.page;
  });

  const figure = (id: string) => page.locator(`[data-testid="figure"][data-figure-id="${id}"]`);
  const marks = async () => (await page.getByTestId('evidence-mark').allTextContents()).join('');
  const shownArticle = () => page.getByTestId('article-section').getAttribute('data-article-id');
  const status = () => page.getByTestId('evidence-status').textContent();

  it('loads every section', async () => {
    const sections = await page.locator('section[data-state]').all();
    expect(sections).toHaveLength(6);
    for (const section of sections) expect(await section.getAttribute('data-state'), (await section.getAttribute('id')) ?? '').toBe('ready');
  });

  it('lays the page out in two columns: the article beside the entity card', async () => {
    const card = await page.getByTestId('entity-section').boundingBox();
    const article = await page.getByTestId('article-section').boundingBox();
    expect(article!.x).toBeGreaterThan(card!.x + card!.width);
  });

  it('lists both articles in the picker, with their outlets, and shows the first one', async () => {
    const options = await attributes(page.getByTestId('article-picker').locator('option'), 'value');
    expect(options).toEqual(pickerOrder());
    expect(await shownArticle()).toBe(pickerOrder()[0]);
    const option = page.getByTestId('article-picker').locator(`option[value="${second.annotation.article.id}"]`);
    expect(await option.textContent()).toContain(second.annotation.article.source!);
  });

  it('shows the headline figures exactly as the articles word them, with their ranges and sources', async () => {
    const killed = figure('security-personnel-killed-18');
    expect(await killed.getByTestId('figure-text').textContent()).toBe('18');
    expect(await killed.textContent()).toContain('Interior Ministry of Kazakhstan');
    const arrested = figure('people-arrested-over-2000');
    expect(await arrested.getByTestId('figure-text').textContent()).toBe('more than 2,000');
    expect(await arrested.getByTestId('figure-range').textContent()).toBe('> 2,000');
  });

  it('shows both reports of a figure the two articles give, and highlights the second in the second article', async () => {
    expect(reportedByBoth('figures')).toContain('security-personnel-killed-18');
    const killed = figure('security-personnel-killed-18');
    expect(await killed.getByTestId('reports').getAttribute('data-count')).toBe('2');
    const reports = killed.getByTestId('report');
    expect(await attributes(reports, 'data-article-id')).toEqual(
      expect.arrayContaining([first.annotation.article.id, second.annotation.article.id]),
    );

    await killed.locator(`[data-testid="report"][data-article-id="${second.annotation.article.id}"]`).click();
    await expect.poll(shownArticle).toBe(second.annotation.article.id);
    await expect.poll(marks).toBe(evidenceText(second, 'figures', 'security-personnel-killed-18'));
    expect(await page.getByTestId('article-picker').inputValue()).toBe(second.annotation.article.id);
    expect(await page.getByTestId('article-text').textContent()).toContain(second.text.split('\n')[0]);

    await killed.locator(`[data-testid="report"][data-article-id="${first.annotation.article.id}"]`).click();
    await expect.poll(shownArticle).toBe(first.annotation.article.id);
    await expect.poll(marks).toBe(evidenceText(first, 'figures', 'security-personnel-killed-18'));
  });

  it("shows a fact only the second article gives, and switches to that article for its evidence, naming it", async () => {
    const own = second.annotation.figures.find((candidate) => !first.annotation.figures.some((known) => known.id === candidate.id))!;
    await page.getByTestId('article-picker').selectOption(first.annotation.article.id);
    await expect.poll(shownArticle).toBe(first.annotation.article.id);
    await figure(own.id).getByTestId('figure-fact').click();
    await expect.poll(shownArticle).toBe(second.annotation.article.id);
    await expect.poll(marks).toBe(evidenceText(second, 'figures', own.id));
    expect(await status()).toContain(second.annotation.article.title);
    expect(await status()).not.toMatch(/no evidence/i);
  });

  it('draws every contingent once, however many articles report it, each with its reports', async () => {
    const contingents = first.annotation.deployments.length;
    expect(await page.getByTestId('deployment').count()).toBe(contingents);
    expect(await page.getByTestId('map-chart').getAttribute('data-deployment-lines')).toBe(String(contingents));
    expect(Number(await page.getByTestId('map-chart').getAttribute('data-places'))).toBeGreaterThan(0);
    const [both] = reportedByBoth('deployments');
    const deployment = page.locator(`[data-testid="deployment"][data-deployment-id="${both}"]`);
    expect(await deployment.getByTestId('report').count()).toBe(2);
    await deployment.locator(`[data-testid="report"][data-article-id="${second.annotation.article.id}"]`).click();
    await expect.poll(marks).toBe(evidenceText(second, 'deployments', both!));
  });

  it("draws Balbek's allegations as allegations: dashed, red, labelled \"alleged\", and reported claims otherwise", async () => {
    const balbek = page.locator('[data-testid="claim"][data-speaker="ruslan-balbek"]');
    expect(await balbek.count()).toBe(first.annotation.claims.filter((claim) => claim.speakerId === 'ruslan-balbek').length);
    for (const claim of await balbek.all()) {
      expect(await claim.getAttribute('data-certainty')).toBe('ALLEGED');
      expect(Number(await claim.getAttribute('data-edges'))).toBeGreaterThan(0);
      expect(await claim.getAttribute('data-line-style')).toBe('dashed');
      expect(await claim.getAttribute('data-edge-label')).toBe('alleged');
    }
    const reported = page.locator('[data-testid="claim"][data-certainty="REPORTED"]');
    expect(await reported.count()).toBeGreaterThan(0);
    for (const claim of await reported.all()) expect(await claim.getAttribute('data-line-style')).not.toBe('dashed');
    expect(await page.locator('[data-testid="legend-item"][data-certainty="ALLEGED"]').first().textContent()).toContain('alleged');
  });

  it("says in which articles each claim was made, and keeps only one article's claims when asked", async () => {
    const claims = page.getByTestId('claim');
    const every = new Set([...first.annotation.claims, ...second.annotation.claims].map((claim) => claim.id));
    expect(await claims.count()).toBe(every.size);
    for (const claim of second.annotation.claims) {
      const row = page.locator(`[data-testid="claim"][data-claim-id="${claim.id}"]`);
      expect(await row.getAttribute('data-articles')).toContain(second.annotation.article.id);
      expect(await attributes(row.getByTestId('report'), 'data-article-id')).toContain(second.annotation.article.id);
    }

    await page.getByTestId('claims-article-picker').selectOption(second.annotation.article.id);
    await expect.poll(() => claims.count()).toBe(second.annotation.claims.length);
    expect(await attributes(claims, 'data-claim-id')).toEqual(expect.arrayContaining(second.annotation.claims.map((claim) => claim.id)));
    for (const claim of await claims.all()) expect(Number(await claim.getAttribute('data-edges'))).toBeGreaterThan(0);
    await page.getByTestId('claims-article-picker').selectOption('');
    await expect.poll(() => claims.count()).toBe(every.size);
  });

  it('highlights the evidence of a clicked fact on the entity card in the article on show', async () => {
    const president = (article: ValidatedArticle) =>
      article.annotation.relations.find((r) => r.from === 'kassym-jomart-tokayev' && r.type === 'HOLDS_POSITION')!.evidence.map((span) => span.text).join('');
    const fact = page.getByTestId('fact').filter({ hasText: 'holds position President' });
    for (const article of [first, second]) {
      await page.getByTestId('article-picker').selectOption(article.annotation.article.id);
      await expect.poll(shownArticle).toBe(article.annotation.article.id);
      await fact.click();
      await expect.poll(marks).toBe(president(article));
    }
  });

  it('badges background facts as background, not as stated, and says they come from no article', async () => {
    await page.getByTestId('search-input').fill('csto');
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[data-testid="search-hit"][data-entity-id="csto"]').click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toContain('Collective Security Treaty Organization');
    const memberships = page.locator('[data-testid="entity-card"] li').filter({ hasText: 'member of' });
    expect(await memberships.count()).toBeGreaterThanOrEqual(6);
    for (const membership of await memberships.all()) {
      expect(await membership.locator('[data-basis="BACKGROUND"]').count()).toBe(1);
      expect(await membership.locator('[data-certainty]').count()).toBe(0);
    }
    await memberships.first().getByTestId('fact').click();
    expect(await status()).toMatch(/^Background knowledge/);
    expect(await page.getByTestId('evidence-mark').count()).toBe(0);
  });

  it("opens an event's card with both articles' reports and dates", async () => {
    await page.getByTestId('search-input').fill('airport');
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[data-testid="search-hit"][data-entity-id="almaty-airport-seizure"]').click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toContain('airport');
    const event = page.locator('[data-testid="entity-card"] li').filter({ hasText: 'Event:' });
    expect(await event.getByTestId('report').count()).toBe(2);
    await event.locator(`[data-testid="report"][data-article-id="${second.annotation.article.id}"]`).click();
    await expect.poll(shownArticle).toBe(second.annotation.article.id);
    const reference = second.annotation.entities.find((entity) => entity.id === 'almaty-airport-seizure')!;
    await expect.poll(marks).toBe((reference as { evidence: { text: string }[] }).evidence.map((span) => span.text).join(''));
  });

  it('takes the countries from the data: the picker lists the countries with events, and picking one narrows the timeline', async () => {
    const options = await attributes(page.getByTestId('country-picker').locator('option'), 'value');
    expect(options).toContain('kazakhstan');
    const every = Number(await page.getByTestId('timeline-chart').getAttribute('data-events'));
    expect(every).toBeGreaterThan(0);
    await page.getByTestId('country-picker').selectOption('kazakhstan');
    await page.waitForSelector('section[data-state="loading"]', { state: 'detached' });
    const inKazakhstan = Number(await page.getByTestId('timeline-chart').getAttribute('data-events'));
    expect(inKazakhstan).toBeGreaterThan(0);
    expect(inKazakhstan).toBeLessThanOrEqual(every);
    expect(await page.getByTestId('map-chart').getAttribute('data-deployment-lines')).toBe(String(first.annotation.deployments.length));
    await page.getByTestId('country-picker').selectOption('');
    await page.waitForSelector('section[data-state="loading"]', { state: 'detached' });
  });

  it('logs no errors, requests nothing from another machine, and asks the API by persisted-document id', async () => {
    await figure('security-personnel-killed-18').getByTestId('figure-fact').click();
    await expect.poll(marks).not.toBe('');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
    expectClean(tab);
  });
});

describe('the dashboard on a phone (390×844)', () => {
  let tab: Tab;
  let page: Page;
  beforeAll(async () => {
    tab = await openDashboard(PHONE);
    page = tab.page;
  });

  it('lays the page out in one column, with the Search button on screen and nothing wider than the screen', async () => {
    // One column: every section starts at the same left edge, as wide as the others, each below the one before.
    const boxes = await Promise.all((await page.locator('section[data-state]').all()).map((section) => section.boundingBox()));
    expect(boxes).toHaveLength(6);
    for (const [index, box] of boxes.entries()) {
      expect(box!.x).toBe(boxes[0]!.x);
      expect(box!.width).toBe(boxes[0]!.width);
      if (index > 0) expect(box!.y).toBeGreaterThan(boxes[index - 1]!.y);
    }
    const search = await page.getByRole('button', { name: 'Search' }).boundingBox();
    expect(search).not.toBeNull();
    expect(search!.x).toBeGreaterThanOrEqual(0);
    expect(search!.x + search!.width).toBeLessThanOrEqual(PHONE.width);
    expect(search!.y + search!.height).toBeLessThanOrEqual(PHONE.height);
    const widths = await pageWidths(page);
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
  });

  it('gives the map and the claims graph the full width', async () => {
    for (const testId of ['map-chart', 'claims-graph', 'timeline-chart']) {
      const box = await page.getByTestId(testId).boundingBox();
      expect(box!.width, testId).toBeGreaterThan(PHONE.width * 0.85);
      expect(box!.x + box!.width, testId).toBeLessThanOrEqual(PHONE.width);
    }
    // The claims network is drawn at a readable size, not shrunk to fit a desktop layout.
    const zoom = await page.getByTestId('claims-graph').getAttribute('data-zoom');
    expect(Number(zoom)).toBeGreaterThanOrEqual(0.7);
  });

  it("highlights a second report's evidence in the second article there too", async () => {
    const killed = page.locator('[data-testid="figure"][data-figure-id="security-personnel-killed-18"]');
    await killed.locator(`[data-testid="report"][data-article-id="${second.annotation.article.id}"]`).click();
    await expect.poll(() => page.getByTestId('article-section').getAttribute('data-article-id')).toBe(second.annotation.article.id);
    await expect.poll(async () => (await page.getByTestId('evidence-mark').allTextContents()).join('')).toBe(
      evidenceText(second, 'figures', 'security-personnel-killed-18'),
    );
    const widths = await pageWidths(page);
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await page.screenshot({ path: 'test-results/dashboard-phone.png', fullPage: true });
  });

  it('logs no errors and requests nothing from another machine', () => {
    expectClean(tab);
  });
});

function expectClean(tab: Tab): void {
  expect(tab.problems).toEqual([]);
  expect(tab.requests.length).toBeGreaterThan(0);
  for (const url of tab.requests) expect(url.startsWith(`${baseUrl}/`), url).toBe(true);
  const operations = tab.requests.map((url) => new URL(url)).filter((url) => url.pathname === '/graphql');
  expect(operations.length).toBeGreaterThan(0);
  for (const url of operations) expect(url.searchParams.get('documentId'), url.href).toMatch(/^sha256:[0-9a-f]{64}$/);
}

describe('the dashboard route without a bundle', () => {
  it('answers a clear message', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'newsgraph-no-dashboard-'));
    const app = express().use('/dashboard', dashboardRouter(empty));
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(listener.address() as AddressInfo).port}/dashboard/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/dashboard is not built.*npm install/);
    } finally {
      listener.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
