import '../common/style.css';
import './dashboard.css';
import createClient from 'openapi-fetch';
import { BarChart, MapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { components, paths } from '../api/schema';
import { byId, h } from '../common/dom';
import { applyLanguage, currentLang, locale, named } from '../common/i18n';
import { GUANGDONG } from '../common/map';
import { POPULATION_2020 } from '../geo/population';
import { t, WORDS, type Word } from './words';

type Schemas = components['schemas'];

echarts.use([BarChart, MapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);
// ECharts draws the map from the same shipped geometry as the finder (web/README.md).
echarts.registerMap('guangdong', GUANGDONG as unknown as Parameters<typeof echarts.registerMap>[1]);

const TOKEN_KEY = 'kepu.dashboard.token';
const REGIONS: Record<string, { zh: string; en: string }> = {
  EAST: { zh: '粤东', en: 'East' }, WEST: { zh: '粤西', en: 'West' }, NORTH: { zh: '粤北', en: 'North' }, PRD: { zh: '珠三角', en: 'PRD' },
};

/** The typed client, signed in with the analyst's or admin's token (kept for this tab only, in sessionStorage). */
const api = createClient<paths>({ baseUrl: location.origin });
api.use({
  onRequest({ request }) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
});

const charts = new Map<string, echarts.ECharts>();
const form = byId<HTMLFormElement>('sign-in');
const yearInput = byId<HTMLInputElement>('year');
const board = byId('board');
let year = new Date().getFullYear();

function chart(panel: string): echarts.ECharts {
  const existing = charts.get(panel);
  if (existing) return existing;
  const element = byId(panel).querySelector<HTMLElement>('.chart')!;
  const instance = echarts.init(element, undefined, { renderer: 'canvas' });
  charts.set(panel, instance);
  return instance;
}

const common = () => ({
  aria: { enabled: true },
  animation: false,
  // Tooltips drawn in the canvas: no HTML with inline styles, which the pages' Content-Security-Policy refuses.
  tooltip: { trigger: 'axis', renderMode: 'richText' },
  grid: { left: 48, right: 16, top: 24, bottom: 40, containLabel: true },
});

/** How fresh a panel's figures are; false where the API does not say (those reports carry no freshAsOf). */
function fresh(time: string | undefined | false): string {
  if (time === false) return '';
  if (!time) return t('noFacts');
  const format = new Intl.DateTimeFormat(locale(currentLang()), { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'medium' });
  return t('freshAsOf', format.format(new Date(time)));
}

type Download = (format: 'csv' | 'xlsx') => Promise<{ data?: Blob; error?: unknown }>;

/** The panel's foot: its export buttons (the API's CSV and XLSX) and how fresh its figures are. */
function foot(panel: string, name: string, download: Download | undefined, freshAsOf: string | undefined | false, note?: string) {
  const element = byId(panel).querySelector<HTMLElement>('.panel-foot')!;
  const buttons = download ? (['csv', 'xlsx'] as const).map((format) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-export': format }, t('exportAs', format.toUpperCase()));
    button.addEventListener('click', async () => {
      const { data } = await download(format);
      if (!data) return;
      const link = h('a', { href: URL.createObjectURL(data), download: `${name}.${format}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    });
    return button;
  }) : [];
  element.replaceChildren(...buttons, h('span', { class: 'fresh' }, fresh(freshAsOf)), note ? h('span', { class: 'note' }, note) : '');
}

function number(value: number | undefined): string {
  return value === undefined || value === null ? '–' : new Intl.NumberFormat(locale(currentLang())).format(value);
}

async function kpis(): Promise<Schemas['Kpi'][]> {
  const { data, response } = await api.GET('/api/v1/reports/kpis', { params: { query: { year } } });
  if (response.status === 401 || response.status === 403) throw new Error('refused');
  const items = data?.items ?? [];
  const header = ['metric', 'scope', 'actual', 'target', 'gap', 'met', 'source'] as const;
  byId('kpi-table').replaceChildren(
    h('thead', {}, h('tr', {}, ...header.map((column) => h('th', { scope: 'col' }, t(column))))),
    h('tbody', {}, ...items.map((kpi) => h('tr', { 'data-metric': kpi.metric, 'data-scope': kpi.scope },
      h('th', { scope: 'row' }, kpi.metric && kpi.metric in WORDS ? t(kpi.metric as Word) : kpi.metric ?? ''),
      h('td', {}, kpi.scope ?? ''),
      h('td', { class: 'num', 'data-col': 'actual' }, number(kpi.actual)),
      h('td', { class: 'num', 'data-col': 'target' }, number(kpi.target)),
      h('td', { class: 'num', 'data-col': 'gap' }, number(kpi.gap)),
      h('td', { 'data-col': 'met', class: kpi.met ? 'met' : 'not-met' }, kpi.met ? `✓ ${t('yes')}` : `✗ ${t('no')}`),
      h('td', { class: 'source' }, kpi.source ?? '')))));
  foot('kpis', `kpis-${year}`, (format) => api.GET('/api/v1/reports/kpis.{format}', { params: { path: { format }, query: { year } }, parseAs: 'blob' }),
    items.find((kpi) => kpi.freshAsOf)?.freshAsOf);
  return items;
}

async function eventsByMonth() {
  const { data } = await api.GET('/api/v1/reports/overview/events', { params: { query: { year } } });
  // Every month of the year, those without events too (the API lists only months that have some), as YYYY-MM.
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const counts = months.map((month) => data?.byMonth?.find((m) => m.key === month)?.count ?? 0);
  chart('by-month').setOption({
    ...common(),
    xAxis: { type: 'category', data: months.map((month) => month.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('events'), data: counts, itemStyle: { color: '#0b5cad' } }],
  }, true);
  foot('by-month', `events-overview-${year}`,
    (format) => api.GET('/api/v1/reports/overview/events.{format}', { params: { path: { format }, query: { year } }, parseAs: 'blob' }),
    data?.freshAsOf);
}

async function eventsByCity(): Promise<Schemas['CityCount'][]> {
  const { data } = await api.GET('/api/v1/reports/events/published-by-city');
  const cities = [...(data?.items ?? [])].sort((a, b) => (a.count ?? 0) - (b.count ?? 0));
  chart('by-city').setOption({
    ...common(),
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    yAxis: { type: 'category', data: cities.map((c) => c.cityName) },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('events'), data: cities.map((c) => c.count), itemStyle: { color: '#0b5cad' } }],
  }, true);
  foot('by-city', 'published-events-by-city',
    (format) => api.GET('/api/v1/reports/events/published-by-city.{format}', { params: { path: { format } }, parseAs: 'blob' }), false);
  return data?.items ?? [];
}

async function places(levels: Schemas['VocabularyEntry'][], kpiList: Schemas['Kpi'][]) {
  const [province, lessDeveloped] = await Promise.all([
    api.GET('/api/v1/reports/overview/places', { params: { query: { year } } }),
    api.GET('/api/v1/reports/overview/places', { params: { query: { year, scope: 'EAST+WEST+NORTH' } } }),
  ]);
  const lang = currentLang();
  const bases = province.data?.basesByLevel ?? [];
  chart('bases').setOption({
    ...common(),
    xAxis: { type: 'category', data: bases.map((b) => named(levels.find((l) => l.code === b.key), lang) || b.key) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: bases.map((b) => b.count), itemStyle: { color: '#1e6b34' } }],
  }, true);
  const download: Download = (format) => api.GET('/api/v1/reports/overview/places.{format}', { params: { path: { format }, query: { year } }, parseAs: 'blob' });
  foot('bases', `places-overview-${year}`, download, province.data?.freshAsOf);

  const stops = ['EAST', 'WEST', 'NORTH'].map((region) => ({
    region, count: (lessDeveloped.data?.stopsByRegion ?? []).find((s) => s.key === region)?.count ?? 0,
  }));
  const target = kpiList.find((k) => k.metric === 'TOURING_STOPS')?.target;
  const total = stops.reduce((sum, s) => sum + s.count, 0);
  chart('stops').setOption({
    ...common(),
    xAxis: { type: 'category', data: [...stops.map((s) => REGIONS[s.region][lang]), t('total')] },
    yAxis: { type: 'value', minInterval: 1, max: (v: { max: number }) => Math.max(v.max, target ?? 0) },
    series: [{
      type: 'bar', name: t('stopsCount'), data: [...stops.map((s) => s.count), total], itemStyle: { color: '#7a4b00' },
      markLine: target === undefined ? undefined : { symbol: 'none', data: [{ yAxis: target, name: t('target') }], label: { formatter: `${t('target')} ${target}` } },
    }],
  }, true);
  foot('stops', `places-overview-${year}-east-west-north`,
    (format) => api.GET('/api/v1/reports/overview/places.{format}', { params: { path: { format }, query: { year, scope: 'EAST+WEST+NORTH' } }, parseAs: 'blob' }),
    lessDeveloped.data?.freshAsOf);
}

async function plans() {
  const { data } = await api.GET('/api/v1/plans', { params: { query: { year } } });
  const select = byId<HTMLSelectElement>('plan-choice');
  const items = data?.items ?? [];
  select.replaceChildren(...(items.length ? items.map((p) => h('option', { value: p.id }, `${p.year} ${p.title}`)) : [h('option', { value: '' }, t('noPlan'))]));
  select.onchange = () => planProgress(select.value);
  await planProgress(select.value);
}

async function planProgress(id: string) {
  if (!id) {
    chart('plan').clear();
    byId('owes-table').replaceChildren();
    foot('plan', 'plan', undefined, false);
    return;
  }
  const { data } = await api.GET('/api/v1/plans/{id}/progress', { params: { path: { id } } });
  const tasks = data?.byTask ?? [];
  chart('plan').setOption({
    ...common(),
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: tasks.map((task) => `${task.number}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'units', name: t('done'), data: tasks.map((task) => task.done ?? 0), itemStyle: { color: '#1e6b34' } },
      { type: 'bar', stack: 'units', name: t('reported'), data: tasks.map((task) => (task.reported ?? 0) - (task.done ?? 0)), itemStyle: { color: '#0b5cad' } },
      { type: 'bar', stack: 'units', name: t('owed'), data: tasks.map((task) => (task.units?.length ?? 0) - (task.reported ?? 0)), itemStyle: { color: '#b3261e' } },
    ],
  }, true);
  const units = (data?.byUnit ?? []).filter((unit) => (unit.owes ?? []).length > 0);
  byId('owes-table').replaceChildren(
    h('thead', {}, h('tr', {}, ...(['unit', 'tasks', 'reported', 'done', 'owed'] as Word[]).map((c) => h('th', { scope: 'col' }, t(c))))),
    h('tbody', {}, ...units.map((unit) => h('tr', { 'data-unit': unit.unit },
      h('th', { scope: 'row' }, unit.unit ?? ''), h('td', { class: 'num' }, number(unit.tasks)),
      h('td', { class: 'num' }, number(unit.reported)), h('td', { class: 'num' }, number(unit.done)),
      h('td', {}, (unit.owes ?? []).join('、'))))));
  foot('plan', `plan-progress-${id}`,
    (format) => api.GET('/api/v1/plans/{id}/progress.{format}', { params: { path: { id, format } }, parseAs: 'blob' }), false);
}

async function provinceMap(cities: Schemas['CityCount'][]) {
  const figure = byId<HTMLSelectElement>('figure').value;
  let values: { name: string; value: number }[];
  let note = '';
  let freshAsOf: string | undefined | false = false;
  let download: Download;
  if (figure === 'bases') {
    values = await Promise.all(GUANGDONG.features.map(async (city) => {
      const { data } = await api.GET('/api/v1/reports/overview/places', { params: { query: { year, scope: city.properties.code } } });
      freshAsOf = freshAsOf || data?.freshAsOf;
      return { name: city.properties.name, value: (data?.basesByLevel ?? []).reduce((sum, level) => sum + (level.count ?? 0), 0) };
    }));
    download = (format) => api.GET('/api/v1/reports/overview/places.{format}', { params: { path: { format }, query: { year } }, parseAs: 'blob' });
  } else {
    values = GUANGDONG.features.map((city) => {
      const count = cities.find((c) => c.cityCode === city.properties.code)?.count ?? 0;
      return { name: city.properties.name, value: Math.round((count / POPULATION_2020[city.properties.code]) * 10000 * 1000) / 1000 };
    });
    note = t('populationNote');
    download = (format) => api.GET('/api/v1/reports/events/published-by-city.{format}', { params: { path: { format } }, parseAs: 'blob' });
  }
  const max = Math.max(1e-9, ...values.map((v) => v.value));
  chart('province-map').setOption({
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'item', renderMode: 'richText' },
    visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: ['#e4ecf3', '#0b5cad'] } },
    series: [{ type: 'map', map: 'guangdong', nameProperty: 'name', label: { show: true, fontSize: 10 }, data: values }],
  }, true);
  foot('province-map', figure === 'bases' ? `places-overview-${year}` : 'published-events-by-city', download, freshAsOf, note);
  document.body.dataset.figure = figure;
}

async function show() {
  year = Number(yearInput.value) || year;
  byId('sign-in-error').textContent = '';
  try {
    const kpiList = await kpis();
    board.hidden = false;
    byId('sign-out').hidden = false;
    for (const instance of charts.values()) instance.resize();
    const levels = (await api.GET('/api/v1/certification-levels')).data?.items ?? [];
    const [, cities] = await Promise.all([eventsByMonth(), eventsByCity(), places(levels as Schemas['VocabularyEntry'][], kpiList), plans()]);
    await provinceMap(cities);
    byId('figure').onchange = () => provinceMap(cities);
    document.body.dataset.loaded = String(year);
  } catch {
    board.hidden = true;
    byId('sign-in-error').textContent = t('refused');
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, byId<HTMLInputElement>('token').value.trim());
  show();
});
byId('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
});
window.addEventListener('resize', () => charts.forEach((instance) => instance.resize()));

yearInput.value = String(year);
applyLanguage(WORDS, () => sessionStorage.getItem(TOKEN_KEY) && show());
if (sessionStorage.getItem(TOKEN_KEY)) show();
