// The first view after login, by role: a school's dashboard, the admin's and coordinator's starting points.
import { api, errorText, listOf } from '../lib/api.js';
import { el, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { meldingStage } from '../lib/labels.js';
import { chooseSchool, currentSchoolId, schoolName, schools } from '../lib/schools.js';

function linkCard(path, title, text, testid) {
  return el(
    'li',
    { class: 'card link-card' },
    el(
      'a',
      { href: path, 'data-link': true, 'data-testid': testid },
      el('span', { class: 'card-title' }, title),
    ),
    el('p', {}, text),
  );
}

/** "50+" when the service answered one full page of a longer list. */
function countText(length, body) {
  return typeof body?.limit === 'number' && length >= body.limit ? `${length}+` : String(length);
}

function count(label, value, testid) {
  return el('div', { class: 'count' }, el('dt', {}, label), el('dd', { 'data-testid': testid }, value));
}

/** A picker for users bound to several schools; nothing for one school. */
async function schoolPicker(session, onChange) {
  const ids = session.user.schoolIds;
  if (ids.length < 2) return null;
  const known = await schools().catch(() => []);
  const select = el(
    'select',
    { id: 'school-picker', 'data-testid': 'school-picker' },
    ids.map((id) =>
      el(
        'option',
        { value: id, selected: id === currentSchoolId(session) },
        known.find((s) => s.id === id)?.name ?? id,
      ),
    ),
  );
  select.addEventListener('change', () => {
    chooseSchool(select.value);
    onChange();
  });
  return el(
    'div',
    { class: 'field inline' },
    el('label', { for: 'school-picker' }, t('school.picker')),
    select,
  );
}

async function schoolDashboard({ main, session, signal }) {
  const schoolId = currentSchoolId(session);
  const heading = el('h1', {}, t('home.school.heading'));
  const counts = el('dl', { class: 'counts', 'aria-busy': 'true' });
  const problem = el('p', { class: 'notice error', role: 'alert', hidden: true });
  main.append(
    heading,
    await schoolPicker(session, () => void schoolDashboard({ main: replace(main), session, signal })),
    el(
      'p',
      { class: 'primary-action' },
      el(
        'a',
        { href: '/melding', 'data-link': true, class: 'button primary big', 'data-testid': 'cta-melding' },
        t('home.school.report'),
      ),
    ),
    el('h2', {}, t('home.school.countsHeading')),
    counts,
    problem,
    el(
      'ul',
      { class: 'cards' },
      linkCard('/meldingen', t('nav.meldingen'), t('home.school.meldingenText'), 'home-meldingen'),
      linkCard('/rosters', t('nav.rosters'), t('home.school.rostersText'), 'home-rosters'),
    ),
  );
  if (!schoolId) {
    problem.textContent = t('school.none');
    problem.hidden = false;
    return;
  }
  void schoolName(schoolId).then((name) => {
    if (!signal.aborted) heading.textContent = t('home.school.headingFor', { school: name });
  });
  const query = `schoolId=${encodeURIComponent(schoolId)}`;
  const [meldingen, groups] = await Promise.allSettled([
    api(`/api/intake/v1/meldingen?${query}&limit=100`, { signal }),
    api(`/api/intake/v1/schools/${encodeURIComponent(schoolId)}/groups`, { signal }),
  ]);
  if (signal.aborted) return;
  const list = meldingen.status === 'fulfilled' ? listOf(meldingen.value, 'meldingen') : null;
  const open = list?.filter((melding) =>
    ['received', 'being-assessed'].includes(meldingStage(melding.status)),
  ).length;
  const groupCount = groups.status === 'fulfilled' ? listOf(groups.value, 'groups').length : null;
  replace(
    counts,
    count(
      t('home.school.countMeldingen'),
      list ? countText(list.length, meldingen.value) : '–',
      'count-meldingen',
    ),
    count(t('home.school.countOpen'), list ? String(open) : '–', 'count-open'),
    count(t('home.school.countGroups'), groupCount === null ? '–' : String(groupCount), 'count-groups'),
  );
  counts.removeAttribute('aria-busy');
  const failed = [meldingen, groups].find((result) => result.status === 'rejected');
  if (failed) {
    problem.textContent = errorText(failed.reason);
    problem.hidden = false;
  }
}

export async function render(context) {
  const { main, session } = context;
  switch (session.user.role) {
    case 'school':
      return schoolDashboard(context);
    case 'admin':
      main.append(
        el('h1', {}, t('home.admin.heading')),
        el('p', { class: 'intro' }, t('home.admin.intro', { name: session.user.displayName })),
        el(
          'ul',
          { class: 'cards' },
          linkCard('/admin/clbs', t('nav.clbs'), t('home.admin.clbsText'), 'home-clbs'),
          linkCard('/admin/schools', t('nav.schools'), t('home.admin.schoolsText'), 'home-schools'),
          linkCard('/admin/users', t('nav.users'), t('home.admin.usersText'), 'home-users'),
          linkCard(
            '/admin/credentials',
            t('nav.credentials'),
            t('home.admin.credentialsText'),
            'home-credentials',
          ),
          linkCard('/status', t('nav.status'), t('home.admin.statusText'), 'home-status'),
        ),
      );
      return undefined;
    case 'coordinator':
      main.append(
        el('h1', {}, t('home.clb.heading', { name: session.user.displayName })),
        el('p', { class: 'intro' }, t('home.clb.comingSoon')),
        el(
          'ul',
          { class: 'cards' },
          linkCard('/status', t('nav.status'), t('home.admin.statusText'), 'home-status'),
        ),
      );
      return undefined;
    default:
      main.append(
        el('h1', {}, t('home.clb.heading', { name: session.user.displayName })),
        el('p', { class: 'intro' }, t('home.clb.comingSoon')),
      );
      return undefined;
  }
}
