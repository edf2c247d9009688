// Dates and times: always Europe/Brussels, Belgian Dutch format, whatever the device's time zone.
export const TIME_ZONE = 'Europe/Brussels';
export const LOCALE = 'nl-BE';

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const secondsFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Brussels as YYYY-MM-DD (what a date input's value and max look like). */
export function todayInBrussels(now = new Date()) {
  return isoDay.format(now);
}

/** A date-time (ISO string or Date) as dd/mm/jjjj uu:mm in Brussels; '' when missing or invalid. */
export function formatDateTime(value) {
  const date = value instanceof Date ? value : new Date(value ?? '');
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** Like formatDateTime, with seconds (the status page). */
export function formatDateTimeSeconds(date) {
  return secondsFormat.format(date);
}

/** A calendar date YYYY-MM-DD as dd/mm/jjjj, without time-zone arithmetic; other input is returned as is. */
export function formatDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value ?? ''));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : String(value ?? '');
}

/** The Flemish school year (1 September – 31 August) of a day: "2026-2027". */
export function schoolYearOf(isoDate) {
  const [year, month] = isoDate.split('-').map(Number);
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The school year after a school year. */
export function nextSchoolYear(schoolYear) {
  const start = Number(schoolYear.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
}
