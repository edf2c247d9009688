// The communication service's vocabulary (campaigns, dead letters) in Dutch, and the sums the pages show:
// campaign progress, and a dead letter's reason in plain words with what staff can do about it.
import { has, t } from './i18n.js';

/** Languages a letter can be in (apps/communication/src/templates/catalogs), Dutch first. */
export const LETTER_LANGUAGES = ['nl', 'fr', 'de', 'en', 'ar', 'tr', 'pl', 'ro', 'bg', 'uk'];
export const CHANNELS = ['email', 'sms'];
export const CAMPAIGN_STATUSES = ['sending', 'completed', 'cancelled'];
/** GET /v1/dead-letters?status= (apps/communication/src/letters/dto/list-dead-letters.request.dto.ts). */
export const DEAD_LETTER_FILTERS = ['open', 'retried', 'resolved', 'all'];

function labelOr(key, fallback) {
  return has(key) ? t(key) : String(fallback ?? '');
}

export const languageLabel = (id) => labelOr(`language.${id}`, id);
export const channelLabel = (id) => labelOr(`channel.${id}`, id);
export const campaignStatusLabel = (id) => labelOr(`campaigns.status.${id}`, id);
export const deadLetterStatusLabel = (id) => labelOr(`deadLetters.status.${id}`, id);

function count(value) {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * How far a campaign is: `done` = sent + failed + cancelled of `total`, and the percentage (whole numbers,
 * 100 only when every message is accounted for; an empty or finished campaign is 100).
 */
export function campaignProgress(campaign) {
  const total = count(campaign?.total);
  const done = Math.min(total, count(campaign?.sent) + count(campaign?.failed) + count(campaign?.cancelled));
  const finished = campaign?.status === 'completed' || campaign?.status === 'cancelled';
  const percent = finished || done >= total ? 100 : Math.floor((done / total) * 100);
  return { total, done, percent };
}

/** Whether a campaign still changes (the page polls it). */
export function isSending(campaign) {
  return campaign?.status === 'sending';
}

/**
 * How communication words why a letter failed for good (letters/letters.messages.ts FAILURE_REASONS and
 * providers/delivery-reports.messages.ts REPORT_FAILURES), by the start of the text, and the kind of problem.
 */
const FAILURE_KINDS = [
  ['De contactgegevens van deze ouder zijn intussen verwijderd', 'contact-removed'],
  ['Er is geen adres meer', 'no-address'],
  ['Geweigerd door de provider', 'refused'],
  ['Niet afgeleverd na de laatste poging', 'last-attempt'],
  ['Teruggekaatst (gemeld door de provider)', 'bounced'],
  ['Niet afgeleverd (gemeld door de provider)', 'provider-failed'],
  ['Deze ouder heeft zich afgemeld voor informatie per sms', 'opted-out'],
  ['De campagne werd geannuleerd', 'campaign-cancelled'],
];

/** A dead letter's reason as the kind of problem ('other' for a text the page does not know). */
export function failureKind(reason) {
  const text = String(reason ?? '');
  return FAILURE_KINDS.find(([start]) => text.startsWith(start))?.[1] ?? 'other';
}

/** Why, in plain Dutch, for a channel: "Het e-mailadres bestaat niet of weigert berichten." */
export function failureText(reason, channel) {
  const kind = failureKind(reason);
  const specific = `deadLetters.why.${kind}.${channel}`;
  return has(specific) ? t(specific) : t(`deadLetters.why.${kind}`);
}

/** What staff can do about it. */
export function failureAdvice(reason, channel) {
  const kind = failureKind(reason);
  const specific = `deadLetters.todo.${kind}.${channel}`;
  return has(specific) ? t(specific) : t(`deadLetters.todo.${kind}`);
}
