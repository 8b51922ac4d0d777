import { intlLocale, type Locale, type Messages } from './i18n';

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(map: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions) {
  let format = map.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], options);
    map.set(locale, format);
  }
  return format;
}

/** "14:05" (or "2:05 PM") in the UI's language. */
export function formatTime(iso: string, locale: Locale): string {
  return cached(timeFormats, locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** The calendar day a message belongs to, in the viewer's time zone. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday" or "Mon, 3 Nov 2026" for a day separator. */
export function formatDay(iso: string, locale: Locale, t: Messages, now = new Date()): string {
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return t.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (key === dayKey(yesterday.toISOString())) return t.yesterday;
  return cached(dayFormats, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "just now", "5 minutes ago", "yesterday" in the UI's language. */
export function formatTimeAgo(iso: string, locale: Locale, now = Date.now()): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  const elapsed = Math.max(0, now - Date.parse(iso));
  const [unit, size] = RELATIVE_STEPS.find(([, step]) => elapsed >= step) ?? ['second', 0];
  return unit === 'second' ? format.format(0, 'second') : format.format(-Math.floor(elapsed / size), unit);
}
