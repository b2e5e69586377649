// The web pages in headless Chromium (Debian's chromium, driven by playwright-core), against a running gateway.
// system-tests' WebPagesInTheBrowserTest makes the data through the API, runs this with it in the environment and
// checks what it prints: one JSON report of what a visitor and an analyst saw. Screenshots go to KEPU_SCREENSHOTS.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const gateway = env('KEPU_GATEWAY');
const shots = env('KEPU_SCREENSHOTS');
const fixture = JSON.parse(env('KEPU_WEB_FIXTURE'));
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const report = { policyViolations: [], pageErrors: [], axe: {} };

const browser = await chromium.launch({
  executablePath: process.env.KEPU_CHROMIUM ?? '/usr/bin/chromium',
  // Without the background-networking flags Chromium keeps trying Google's hosts, which this network refuses.
  // Playwright gives each launch a fresh, empty profile of its own.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function open(viewport, options = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) report.policyViolations.push(message.text());
  });
  page.on('pageerror', (error) => report.pageErrors.push(String(error)));
  return { context, page };
}

/** axe-core's serious and critical findings on the page as it is now (run through the debugger: no inline script). */
async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  report.axe[name] = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

try {
  // The finder's first load, on a phone: what its scripts and styles weigh as sent (compressed).
  {
    const { context, page } = await open(PHONE, { geolocation: fixture.nearMe, permissions: ['geolocation'] });
    const sizes = [];
    page.on('requestfinished', async (request) => {
      if (/\.(js|css)(\?|$)/.test(request.url())) sizes.push((await request.sizes()).responseBodySize);
    });
    await page.goto(`${gateway}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#results[data-rendered-at]');
    report.finderScriptsAndStylesBytes = sizes.reduce((a, b) => a + b, 0);

    // A search by text, timed from the last key to the results on screen.
    await page.evaluate(() => document.getElementById('q').addEventListener('input', () => (window.lastKeyAt = performance.now())));
    await page.fill('#q', '');
    await page.locator('#q').pressSequentially(fixture.word, { delay: 40 });
    await page.waitForSelector(`#results[data-query="${fixture.word}"] li[data-id="${fixture.eventId}"]`);
    report.searchMs = await page.evaluate(() => Number(document.getElementById('results').dataset.renderedAt) - window.lastKeyAt);
    report.searchFound = await page.locator('#results li[data-id]').evaluateAll((items) => items.map((i) => i.dataset.id));
    report.searchCount = await page.textContent('#count');
    report.mapMarkers = await page.locator('#map .marker').count();
    await screenshot(page, 'finder-phone');
    await axe(page, 'finder');

    // By place: the district picker, then near me (the browser's location).
    await page.fill('#q', '');
    await page.selectOption('#city', fixture.cityCode);
    await page.waitForSelector(`#district option[value="${fixture.divisionCode}"]`, { state: 'attached' });
    await page.selectOption('#district', fixture.divisionCode);
    await page.waitForSelector(`#results li[data-id="${fixture.eventId}"]`);
    report.foundByDistrict = true;
    await page.selectOption('#city', '');
    await page.click('#near-me');
    await page.waitForSelector(`#results li[data-id="${fixture.eventId}"] >> text=km`);
    report.foundNearMe = true;

    // The event's page and its calendar.
    await page.click(`#results li[data-id="${fixture.eventId}"] a`);
    await page.waitForSelector('#event h2');
    report.eventTitle = await page.textContent('#event h2');
    await screenshot(page, 'event-phone');
    await axe(page, 'event');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#calendar')]);
    const calendar = readFileSync(await download.path(), 'utf8');
    report.calendar = { name: download.suggestedFilename(), vcalendar: calendar.startsWith('BEGIN:VCALENDAR'), vevent: calendar.includes('BEGIN:VEVENT') };

    // A registration refused for its phone shows the problem next to that field; then one that lands.
    await page.selectOption('#reg-kind', 'PERSON');
    await page.fill('#reg-size', '1');
    await page.fill('#reg-name', '测试访客');
    await page.fill('#reg-phone', '12345');
    await page.click('#register button[type=submit]');
    await page.waitForFunction(() => document.getElementById('reg-phone-error').textContent.trim().length > 0);
    report.phoneProblem = await page.textContent('#reg-phone-error');
    report.phoneInvalid = await page.getAttribute('#reg-phone', 'aria-invalid');
    await page.fill('#reg-phone', fixture.phone);
    await page.click('#register button[type=submit]');
    await page.waitForSelector('#receipt');
    report.registration = { status: await page.getAttribute('#receipt', 'data-status'), manageLink: await page.getAttribute('#manage-link', 'href') };
    await page.goto(report.registration.manageLink);
    await page.waitForSelector('#registration .receipt');
    report.managed = await page.getAttribute('#registration .receipt', 'data-status');
    await context.close();
  }

  // A full event with a wait list, in English on a desktop.
  {
    const { context, page } = await open(DESKTOP);
    await page.goto(`${gateway}/?lang=en#/events/${fixture.fullEventId}`);
    await page.waitForSelector('#register');
    await page.selectOption('#reg-kind', 'GROUP');
    await page.fill('#reg-size', '2');
    await page.fill('#reg-name', 'Teacher Li');
    await page.fill('#reg-phone', fixture.otherPhone);
    await page.fill('#reg-organization', '华阳小学');
    await page.click('#register button[type=submit]');
    await page.waitForSelector('#receipt');
    report.waitListed = { status: await page.getAttribute('#receipt', 'data-status'), text: await page.textContent('#receipt .status') };
    await screenshot(page, 'event-desktop');
    await page.goto(`${gateway}/?lang=en#/`);
    await page.waitForSelector('#results[data-rendered-at]');
    await screenshot(page, 'finder-desktop');
    await context.close();
  }

  // The dashboard, signed in as an analyst: the KPI table as shown, an export, the charts drawn.
  {
    const { context, page } = await open(DESKTOP);
    await page.goto(`${gateway}/dashboard`);
    await page.fill('#token', fixture.analystToken);
    await page.fill('#year', String(fixture.year));
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector(`body[data-loaded="${fixture.year}"]`, { timeout: 20000 });
    report.kpis = await page.locator('#kpi-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
      metric: row.dataset.metric,
      scope: row.dataset.scope,
      actual: row.querySelector('[data-col=actual]').textContent,
      target: row.querySelector('[data-col=target]').textContent,
      gap: row.querySelector('[data-col=gap]').textContent,
      met: row.querySelector('[data-col=met]').classList.contains('met'),
    })));
    report.charts = await page.locator('.chart[_echarts_instance_]').count();
    report.freshAsOf = await page.textContent('#kpis .fresh');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#kpis [data-export=xlsx]')]);
    const bytes = readFileSync(await download.path());
    report.export = { name: download.suggestedFilename(), bytes: bytes.length, zip: bytes.subarray(0, 2).toString() === 'PK' };
    await page.selectOption('#figure', 'bases');
    await page.waitForSelector('body[data-figure="bases"]');
    await screenshot(page, 'dashboard-desktop');
    await axe(page, 'dashboard');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'dashboard-phone');
    await context.close();
  }
} catch (failure) {
  report.failure = String(failure.stack ?? failure);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
