// Dutch labels for the ids the services use (diseases, statuses, roles, …), all from i18n.
import { has, t } from './i18n.js';

/** Disease ids as in libs/contracts (meldingen.events.ts), in the order the form offers them. */
export const DISEASES = [
  'covid-19',
  'mumps',
  'measles',
  'meningococcal',
  'pertussis',
  'scarlet-fever',
  'other',
];
export const ACTIVITIES = ['excursion', 'bus', 'sports', 'boarding', 'other'];
export const TEST_RESULTS = ['positive', 'negative', 'pending'];
/** Who a melding is about: on the pupil list, on the staff list, or on neither (libs/contracts SUBJECT_KINDS). */
export const SUBJECT_KINDS = ['pupil', 'staff', 'unlisted'];
/** The role at school of someone on neither list. */
export const UNLISTED_ROLES = ['pupil', 'staff', 'other'];
export const SCHOOL_LEVELS = ['kleuter', 'lager', 'secundair', 'buitengewoon'];
export const ROLES = ['school', 'clb-staff', 'doctor', 'coordinator', 'admin'];
export const CLB_ROLES = ['clb-staff', 'doctor', 'coordinator'];

function labelOr(key, fallback) {
  return has(key) ? t(key) : String(fallback ?? '');
}

export const diseaseLabel = (id) => labelOr(`disease.${id}`, id);
export const activityLabel = (id) => labelOr(`activity.${id}`, id);
export const testResultLabel = (id) => labelOr(`testResult.${id}`, id);
export const levelLabel = (id) => labelOr(`level.${id}`, id);
export const roleLabel = (id) => labelOr(`role.${id}`, id);
export const groupKindLabel = (id) => labelOr(`groupKind.${id}`, id);
export const subjectKindLabel = (id) => labelOr(`subjectKind.${id}`, id);
export const subjectKindChoiceLabel = (id) => labelOr(`melding.subjectKind.${id}`, id);
export const unlistedRoleLabel = (id) => labelOr(`melding.unlistedRole.${id}`, id);

/** A melding's status in intake (apps/intake/src/meldingen/melding-status.ts), in the order it moves. */
export const MELDING_STATUSES = ['received', 'being-assessed', 'measures-decided', 'letters-sent'];

/** The status if intake sent one the page knows, else null (a newer intake may add one). */
export function meldingStage(status) {
  return MELDING_STATUSES.includes(status) ? status : null;
}

export function meldingStatusLabel(status) {
  const stage = meldingStage(status);
  return stage ? t(`meldingStatus.${stage}`) : String(status ?? t('meldingStatus.unknown'));
}
