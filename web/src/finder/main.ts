import '../common/style.css';
import { api, type Schemas } from '../api/client';
import { byId, h, when } from '../common/dom';
import { applyLanguage, currentLang, locale, named } from '../common/i18n';
import { cityCentre, drawProvince, project, svg, unproject, WIDTH, HEIGHT } from '../common/map';
import { showEvent, showRegistration } from './event';
import { t, WORDS } from './words';

type Event = Schemas['Event'];
type Entry = Schemas['VocabularyEntry'];
type Division = Schemas['DivisionEntry'];

const form = byId<HTMLFormElement>('search');
const results = byId<HTMLOListElement>('results');
const count = byId<HTMLSpanElement>('count');
const map = document.getElementById('map') as unknown as SVGSVGElement;
const vocabularies: { type: Entry[]; audience: Entry[]; theme: Entry[] } = { type: [], audience: [], theme: [] };
const divisions = new Map<string, Division>();
let point: [number, number] | undefined;
let markers: SVGGElement;
let lastItems: Event[] = [];

const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

function fillSelect(select: HTMLSelectElement, entries: { value: string; text: string }[], anyText: string) {
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '' }, anyText), ...entries.map((e) => h('option', { value: e.value }, e.text)));
  select.value = entries.some((e) => e.value === chosen) ? chosen : '';
}

function fillVocabularies() {
  const lang = currentLang();
  for (const name of ['type', 'audience', 'theme'] as const) {
    fillSelect(field(name) as HTMLSelectElement, vocabularies[name].map((e) => ({ value: e.code ?? '', text: named(e, lang) })), t('any'));
  }
  fillSelect(field('city') as HTMLSelectElement, [...divisions.values()].filter((d) => d.level === 'CITY')
    .map((d) => ({ value: d.code ?? '', text: d.nameZh ?? '' })), t('anyCity'));
}

function vocabularyFields() {
  byId('vocabulary-fields').replaceWith(...(['type', 'audience', 'theme'] as const).map((name) =>
    h('div', { class: 'field' }, h('label', { for: name, 'data-t': name }, t(name)), h('select', { id: name, name }))));
}

async function loadVocabularies() {
  const [types, audiences, themes, cities] = await Promise.all([
    api.GET('/api/v1/event-types'), api.GET('/api/v1/audiences'), api.GET('/api/v1/themes'),
    api.GET('/api/v1/divisions', { params: { query: { parentCode: '440000' } } }),
  ]);
  vocabularies.type = types.data?.items ?? [];
  vocabularies.audience = audiences.data?.items ?? [];
  vocabularies.theme = themes.data?.items ?? [];
  for (const city of cities.data?.items ?? []) divisions.set(city.code ?? '', city);
  fillVocabularies();
}

async function loadDistricts() {
  const city = field('city').value;
  const district = field('district') as HTMLSelectElement;
  if (!city) {
    fillSelect(district, [], t('anyDistrict'));
    district.disabled = true;
    return;
  }
  const { data } = await api.GET('/api/v1/divisions', { params: { query: { parentCode: city } } });
  const items = (data?.items ?? []).filter((d) => d.code !== city);
  for (const d of items) divisions.set(d.code ?? '', d);
  fillSelect(district, items.map((d) => ({ value: d.code ?? '', text: d.nameZh ?? '' })), t('anyDistrict'));
  district.disabled = items.length === 0;
}

function placeName(event: Event): string {
  const district = divisions.get(event.divisionCode ?? '');
  const city = divisions.get(event.cityCode ?? '');
  const names = [city?.nameZh, district && district !== city ? district.nameZh : undefined].filter(Boolean).join(' ');
  return [names, event.address].filter(Boolean).join(' · ');
}

function eventTitle(event: Event): string {
  return (currentLang() === 'en' && event.titleEn) || event.titleZh || '';
}

function card(event: Event): HTMLLIElement {
  const lang = currentLang();
  const type = vocabularies.type.find((e) => e.code === event.type);
  const audiences = (event.audiences ?? []).map((code) => named(vocabularies.audience.find((e) => e.code === code), lang) || code);
  return h('li', { class: 'card', 'data-id': event.id },
    h('h3', {}, h('a', { href: `#/events/${event.id}` }, eventTitle(event))),
    h('p', { class: 'meta' }, when(event.startsAt ?? '', event.endsAt, locale(lang))),
    h('p', { class: 'meta' }, placeName(event)),
    h('p', { class: 'tags' }, [named(type, lang), ...audiences].filter(Boolean).join(' · ')),
    event.distanceKm !== undefined ? h('p', { class: 'meta' }, `${event.distanceKm.toFixed(1)} km`) : null);
}

function where(event: Event): [number, number] | undefined {
  if (event.longitude !== undefined && event.latitude !== undefined) return [event.longitude, event.latitude];
  return cityCentre(event.cityCode);
}

function drawMarkers(items: Event[]) {
  markers.replaceChildren();
  if (point) {
    const [x, y] = project(point[0], point[1]);
    markers.append(svg('circle', { cx: x, cy: y, r: 9, class: 'point' }));
  }
  for (const event of items) {
    const at = where(event);
    if (!at) continue;
    const [x, y] = project(at[0], at[1]);
    const marker = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 6, class: 'marker', 'data-id': event.id ?? '' });
    const title = svg('title', {});
    title.textContent = eventTitle(event);
    marker.append(title);
    marker.addEventListener('click', () => (location.hash = `#/events/${event.id}`));
    markers.append(marker);
  }
}

function dateTime(date: string, endOfDay: boolean): string | undefined {
  return date ? `${date}T${endOfDay ? '23:59:59' : '00:00:00'}+08:00` : undefined;
}

let inFlight: AbortController | undefined;
let asked = 0;

/** Runs the search the form describes; a newer search abandons an older one still under way. */
async function search() {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const number = ++asked;
  const value = (name: string) => field(name).value || undefined;
  const query = {
    q: value('q')?.trim() || undefined,
    divisionCode: value('district') ?? value('city'),
    from: dateTime(field('from').value, false) ?? new Date().toISOString(),
    to: dateTime(field('to').value, true),
    type: value('type') as Event['type'],
    audience: value('audience') as Schemas['Audience'] | undefined,
    theme: value('theme') as Schemas['Theme'] | undefined,
    lat: point?.[1],
    lon: point?.[0],
    radiusKm: point ? Number(field('radius').value) : undefined,
    size: 50,
  };
  try {
    let { data, error } = await api.GET('/api/v1/events', { params: { query }, signal: controller.signal });
    // Nothing upcoming and no dates chosen: show the past ones rather than an empty page, and say so.
    const past = !field('from').value && data?.total === 0;
    if (past) ({ data, error } = await api.GET('/api/v1/events', { params: { query: { ...query, from: undefined } }, signal: controller.signal }));
    if (number !== asked) return;
    if (error || !data) throw new Error(error?.detail ?? 'search failed');
    lastItems = data.items ?? [];
    const total = data.totalCapped ? `${data.total}+` : String(data.total ?? lastItems.length);
    count.textContent = t('found', total) + (past && lastItems.length ? ` · ${t('pastOnly')}` : '');
    results.replaceChildren(...(lastItems.length ? lastItems.map(card) : [h('li', { class: 'empty' }, t('none'))]));
    drawMarkers(lastItems);
  } catch (failure) {
    if ((failure as Error).name === 'AbortError' || number !== asked) return;
    count.textContent = '';
    results.replaceChildren(h('li', { class: 'empty', role: 'alert' }, t('failed')));
  }
  // What the browser tests time a search by: the query shown and when it was drawn.
  results.dataset.query = query.q ?? '';
  results.dataset.renderedAt = String(performance.now());
}

let typing: number | undefined;
form.addEventListener('input', (e) => {
  if ((e.target as HTMLElement).id !== 'q') return;
  clearTimeout(typing);
  typing = window.setTimeout(search, 100);
});
form.addEventListener('change', async (e) => {
  const target = e.target as HTMLElement;
  if (target.id === 'q') return;
  if (target.id === 'city') {
    (field('district') as HTMLSelectElement).value = '';
    await loadDistricts();
  }
  search();
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  search();
});

function choosePoint(at: [number, number] | undefined, note: string) {
  point = at;
  byId('clear-point').hidden = !at;
  byId('point-note').textContent = note;
  search();
}

byId('near-me').addEventListener('click', () => {
  if (!navigator.geolocation) return choosePoint(undefined, t('noLocation'));
  navigator.geolocation.getCurrentPosition(
    (position) => choosePoint([position.coords.longitude, position.coords.latitude], t('nearPoint')),
    () => choosePoint(undefined, t('noLocation')),
    { timeout: 8000, maximumAge: 600000 });
});
byId('clear-point').addEventListener('click', () => choosePoint(undefined, ''));
map.addEventListener('click', (e) => {
  if ((e.target as Element).classList.contains('marker')) return;
  const box = map.getBoundingClientRect();
  const [lon, lat] = unproject(((e.clientX - box.left) / box.width) * WIDTH, ((e.clientY - box.top) / box.height) * HEIGHT);
  choosePoint([Number(lon.toFixed(4)), Number(lat.toFixed(4))], t('nearPoint'));
});

function route() {
  const hash = location.hash;
  const finder = byId('finder');
  const eventSection = byId('event');
  const registrationSection = byId('registration');
  const eventMatch = /^#\/events\/([0-9a-f-]{36})$/.exec(hash);
  const registrationMatch = /^#\/registrations\/([0-9a-f-]{36})\?token=([^&]+)$/.exec(hash);
  finder.hidden = Boolean(eventMatch || registrationMatch);
  eventSection.hidden = !eventMatch;
  registrationSection.hidden = !registrationMatch;
  if (eventMatch) showEvent(eventSection, eventMatch[1], vocabularies, divisions);
  if (registrationMatch) showRegistration(registrationSection, registrationMatch[1], decodeURIComponent(registrationMatch[2]));
}

function redraw() {
  fillVocabularies();
  markers = drawProvince(map, () => 'var(--land)', (city) => city.properties.name);
  drawMarkers(lastItems);
  route();
  if (!byId('finder').hidden) search();
}

window.addEventListener('hashchange', route);
markers = drawProvince(map, () => 'var(--land)', (city) => city.properties.name);
vocabularyFields();
applyLanguage(WORDS, redraw);
loadVocabularies().then(() => {
  loadDistricts();
  route();
  search();
});
