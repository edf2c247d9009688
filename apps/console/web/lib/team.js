// The people of the user's CLBs (the console's GET /api/team): names for the user ids the risk service keeps
// (assignee, who overrode or approved), and whom a case can be assigned to.
import { api, listOf } from './api.js';
import { t } from './i18n.js';

/** Roles a case can be assigned to (risk-assessment lets these claim and prepare). */
export const ASSIGNABLE_ROLES = ['doctor', 'clb-staff'];

/** The team as { list, nameOf(id) }; an empty team when the list cannot be loaded (names then show as ids). */
export async function loadTeam(session, signal) {
  let list = [];
  try {
    list = listOf(await api('/api/team', { signal }));
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    console.error(error);
  }
  const names = new Map(list.map((member) => [member.id, member.displayName]));
  if (session?.user) names.set(session.user.id, session.user.displayName);
  return {
    list,
    /** The name of a user id ("systeem" for the service itself; an unknown id shortened). */
    nameOf(id) {
      if (!id) return '';
      if (id === 'system') return t('team.system');
      return names.get(id) ?? t('team.unknown', { id: String(id).slice(0, 8) });
    },
  };
}
