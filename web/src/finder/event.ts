import { api, problemsByField, type Schemas } from '../api/client';
import { h, when } from '../common/dom';
import { currentLang, locale, named } from '../common/i18n';
import { t } from './words';

type Entry = Schemas['VocabularyEntry'];
type Vocabularies = { type: Entry[]; audience: Entry[]; theme: Entry[] };

function idempotencyKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function back(): HTMLParagraphElement {
  return h('p', {}, h('a', { href: '#/', class: 'back' }, '← ' + t('back')));
}

function row(label: string, ...value: (Node | string | null)[]): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

/** An event's own page: what, when, where, for whom, the venue and how to get there, the calendar, registration. */
export async function showEvent(section: HTMLElement, id: string, vocabularies: Vocabularies, divisions: Map<string, Schemas['DivisionEntry']>) {
  const lang = currentLang();
  section.replaceChildren(back());
  const { data: event } = await api.GET('/api/v1/events/{id}', { params: { path: { id } } });
  if (!event) {
    section.append(h('p', { role: 'alert' }, t('notFound')));
    return;
  }
  const venue = event.venueId ? (await api.GET('/api/v1/venues/{id}', { params: { path: { id: event.venueId } } })).data : undefined;
  const title = (lang === 'en' && event.titleEn) || event.titleZh || '';
  const description = (lang === 'en' && event.descriptionEn) || event.descriptionZh;
  const place = [divisions.get(event.cityCode ?? '')?.nameZh, divisions.get(event.divisionCode ?? '')?.nameZh]
    .filter((name, i, all) => name && all.indexOf(name) === i).join(' ');
  const latitude = event.latitude ?? venue?.latitude;
  const longitude = event.longitude ?? venue?.longitude;
  const address = event.address ?? venue?.address;
  const audiences = (event.audiences ?? []).map((code) => named(vocabularies.audience.find((e) => e.code === code), lang) || code);
  const themes = (event.themes ?? []).map((code) => named(vocabularies.theme.find((e) => e.code === code), lang) || code);
  const heading = h('h2', { tabindex: '-1' }, title);
  section.append(
    heading,
    h('p', { class: 'tags' }, [named(vocabularies.type.find((e) => e.code === event.type), lang), ...themes].join(' · ')),
    ...(description ? [h('p', { class: 'description' }, description)] : []),
    h('dl', { class: 'facts' },
      ...row(t('when'), when(event.startsAt ?? '', event.endsAt, locale(lang))),
      ...row(t('where'), [place, address].filter(Boolean).join(' · ')),
      ...(audiences.length ? row(t('forWhom'), audiences.join('、')) : []),
      ...(venue ? row(t('venue'), (lang === 'en' && venue.nameEn) || venue.nameZh || '', venue.contactPhone ? ` · ${venue.contactPhone}` : '') : []),
      ...(latitude !== undefined && longitude !== undefined
        ? row(t('howToGetThere'), address ?? '', ' ', h('a', { href: `geo:${latitude},${longitude}` }, t('openInMaps')))
        : []),
      ...(event.streamUrl ? row(t('online'), h('a', { href: event.streamUrl, rel: 'noopener' }, event.streamUrl)) : [])),
    h('p', {}, h('a', { class: 'button', id: 'calendar', href: `/api/v1/events/${event.id}/calendar.ics`, download: `kepu-${event.id}.ics` }, t('addToCalendar'))));
  section.append(registrationPart(event));
  heading.focus();
}

function registrationPart(event: Schemas['Event']): HTMLElement {
  const seats = event.registrations;
  const part = h('section', { class: 'register', 'aria-labelledby': 'register-heading' }, h('h3', { id: 'register-heading' }, t('register')));
  if (!seats || event.status !== 'PUBLISHED') {
    part.append(h('p', {}, t('notOpen')));
    return part;
  }
  part.append(h('p', { id: 'seats' }, t('seatsLeft', seats.seatsLeft ?? 0), seats.waitList ? ` · ${t('waitList')}` : ''));
  const input = (name: string, type: string, extra: Record<string, string | number | boolean> = {}) =>
    h('div', { class: 'field', 'data-field': name },
      h('label', { for: `reg-${name}` }, t(name as 'name')),
      h('input', { id: `reg-${name}`, name, type, 'aria-describedby': `reg-${name}-error`, ...extra }),
      h('p', { class: 'error', id: `reg-${name}-error` }));
  const form = h('form', { id: 'register', novalidate: true },
    h('div', { class: 'field', 'data-field': 'kind' },
      h('label', { for: 'reg-kind' }, t('kind')),
      h('select', { id: 'reg-kind', name: 'kind', 'aria-describedby': 'reg-kind-error' },
        h('option', { value: 'PERSON' }, t('PERSON')), h('option', { value: 'GROUP' }, t('GROUP'))),
      h('p', { class: 'error', id: 'reg-kind-error' })),
    input('size', 'number', { min: 1, max: seats.sizeCap ?? 1000, value: 1, inputmode: 'numeric' }),
    input('name', 'text', { autocomplete: 'name', maxlength: 50 }),
    input('phone', 'tel', { autocomplete: 'tel', inputmode: 'tel' }),
    input('email', 'email', { autocomplete: 'email' }),
    input('organization', 'text', { autocomplete: 'organization', maxlength: 100 }),
    h('p', { class: 'error', id: 'reg-form-error', role: 'alert' }),
    h('button', { type: 'submit' }, t('submit')));
  const key = idempotencyKey();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const error of form.querySelectorAll('.error')) error.textContent = '';
    for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const body: Schemas['RegistrationRequest'] = {
      kind: value('kind') as Schemas['RegistrationKind'],
      size: Number(value('size')),
      name: value('name'),
      phone: value('phone'),
      email: value('email') || undefined,
      organization: value('organization') || undefined,
    };
    const { data, error } = await api.POST('/api/v1/events/{eventId}/registrations', {
      params: { path: { eventId: event.id ?? '' }, header: { 'Idempotency-Key': key } },
      body,
    });
    if (data) {
      // The receipt does not place a wait-listed registration; reading it back with its token does.
      const registration = data.registration?.status === 'WAIT_LISTED' && data.registration.id && data.manageToken
        ? (await api.GET('/api/v1/registrations/{id}', { params: { path: { id: data.registration.id }, header: { 'Registration-Token': data.manageToken } } })).data
        : undefined;
      part.replaceChildren(h('h3', { id: 'register-heading' }, t('register')),
        receipt({ ...data, registration: registration ?? data.registration }));
      return;
    }
    for (const [field, messages] of problemsByField(error)) {
      const name = field.replace(/^\$?\.?/, '').replace(/^body\./, '');
      const slot = form.querySelector<HTMLElement>(`#reg-${CSS.escape(name)}-error`) ?? form.querySelector<HTMLElement>('#reg-form-error');
      if (!slot) continue;
      slot.textContent = messages.join('；');
      form.querySelector(`#reg-${CSS.escape(name)}`)?.setAttribute('aria-invalid', 'true');
    }
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
  part.append(form);
  return part;
}

function manageLink(registration: Schemas['Registration'], token: string): string {
  return `${location.origin}/#/registrations/${registration.id}?token=${encodeURIComponent(token)}`;
}

function status(registration: Schemas['Registration']): string {
  const state = registration.status ?? 'CONFIRMED';
  return state === 'WAIT_LISTED' ? t('WAIT_LISTED', registration.waitListPosition ?? '') : t(state);
}

function receipt(data: Schemas['RegistrationReceipt']): HTMLElement {
  const registration = data.registration ?? {};
  const link = manageLink(registration, data.manageToken ?? '');
  return h('div', { id: 'receipt', class: 'receipt', 'data-status': registration.status, role: 'status' },
    h('p', { class: 'status' }, status(registration)),
    h('dl', { class: 'facts' },
      ...row(t('size'), t('people', registration.size ?? 1)),
      ...(registration.checkInCode ? row(t('checkInCode'), h('strong', { class: 'code' }, registration.checkInCode)) : []),
      ...row(t('manageLink'), h('a', { id: 'manage-link', href: link }, link))));
}

/** The page the manage link opens: the registration read with its token, and a way to cancel it. No contact data. */
export async function showRegistration(section: HTMLElement, id: string, token: string) {
  section.replaceChildren(back(), h('h2', {}, t('myRegistration')));
  const { data } = await api.GET('/api/v1/registrations/{id}', { params: { path: { id }, header: { 'Registration-Token': token } } });
  if (!data) {
    section.append(h('p', { role: 'alert' }, t('notFound')));
    return;
  }
  const cancel = h('button', { type: 'button', id: 'cancel-registration' }, t('cancel'));
  cancel.addEventListener('click', async () => {
    await api.POST('/api/v1/registrations/{id}/cancel', { params: { path: { id }, header: { 'Registration-Token': token } } });
    showRegistration(section, id, token);
  });
  section.append(h('div', { class: 'receipt', 'data-status': data.status }, h('p', { class: 'status' }, status(data)),
    h('dl', { class: 'facts' }, ...row(t('size'), t('people', data.size ?? 1)),
      ...(data.checkInCode ? row(t('checkInCode'), h('strong', { class: 'code' }, data.checkInCode)) : []))),
    ...(data.status !== 'CANCELLED' ? [cancel] : []));
}
