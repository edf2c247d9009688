// The schools the logged-in user may see (intake decides: GET /v1/schools), and which one a school user acts for.
import { api, idOf, listOf } from './api.js';

const CHOSEN = 'meldpunt.schoolId';
let cache = null;

/** Every school in the user's scope: [{ id, name, clbId, … }], fetched once per page load. */
export async function schools({ refresh = false } = {}) {
  if (!cache || refresh) {
    cache = api('/api/intake/v1/schools')
      .then((body) => listOf(body, 'schools').map((school) => ({ ...school, id: idOf(school, 'school') })))
      .catch((error) => {
        cache = null;
        throw error;
      });
  }
  return cache;
}

/** Forget the cached list (after an admin adds a school, or at logout). */
export function forgetSchools() {
  cache = null;
}

/** The school a school user is working for: the one they picked (several schools), else their first. */
export function currentSchoolId(session) {
  const ids = session?.user?.schoolIds ?? [];
  const chosen = sessionStorage.getItem(CHOSEN);
  return chosen && ids.includes(chosen) ? chosen : (ids[0] ?? null);
}

export function chooseSchool(schoolId) {
  sessionStorage.setItem(CHOSEN, schoolId);
}

/** The name of a school, or its id when intake did not list it. */
export async function schoolName(schoolId) {
  try {
    return (await schools()).find((school) => school.id === schoolId)?.name ?? schoolId;
  } catch {
    return schoolId;
  }
}
