// Meldpunt console: one page for every role. Plain ES modules, no build step, no framework.
// The router shows the login view while logged out, otherwise the view of the URL if the user's role may see it.
import { api, errorText, setCsrfToken } from './lib/api.js';
import { el, replace } from './lib/dom.js';
import { loadMessages, t, translateStatic } from './lib/i18n.js';
import { roleLabel } from './lib/labels.js';
import { forgetSchools } from './lib/schools.js';
import { LOGIN_PATH, navFor, paramsFor, routeFor } from './routes.js';

let session = null;
let view = null; // AbortController of the current view: aborted when the user leaves it

function main() {
  return document.getElementById('main');
}

function setSession(next) {
  session = next;
  setCsrfToken(next?.csrfToken);
  renderHeader();
}

/** Goes to a path inside the page (no reload). */
export function navigate(path, { replace: replaceState = false } = {}) {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void show({ focus: true });
}

function renderHeader() {
  const nav = document.getElementById('site-nav');
  const who = document.getElementById('who');
  if (!session) {
    nav.hidden = true;
    who.hidden = true;
    replace(document.getElementById('nav-list'));
    return;
  }
  replace(
    document.getElementById('nav-list'),
    navFor(session.user.role).map((route) =>
      el(
        'li',
        {},
        el('a', { href: route.path, 'data-link': true, 'data-testid': `nav-${route.path}` }, t(route.title)),
      ),
    ),
  );
  replace(
    who,
    el('span', { class: 'who-name' }, session.user.displayName),
    el('span', { class: 'who-role' }, ` (${roleLabel(session.user.role)})`),
    el(
      'button',
      { type: 'button', class: 'button link', 'data-testid': 'logout', onclick: logout },
      t('nav.logout'),
    ),
  );
  nav.hidden = false;
  who.hidden = false;
  nav.setAttribute('aria-label', t('nav.label'));
}

function markCurrent(pathname) {
  for (const link of document.querySelectorAll('#nav-list a')) {
    if (link.getAttribute('href') === pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function logout() {
  try {
    await api('/auth/logout', { method: 'POST' });
  } catch (error) {
    console.error(error); // the session may already be gone; the user is logged out either way
  }
  forgetSchools();
  setSession(null);
  navigate(LOGIN_PATH);
}

/** Shows the view for the current URL. */
async function show({ focus = false, reason } = {}) {
  view?.abort();
  const controller = new AbortController();
  view = controller;
  const container = main();
  container.replaceChildren();
  const pathname = location.pathname;

  if (!session) {
    const { render } = await import('./pages/login.js');
    document.title = `${t('login.heading')} — Meldpunt`;
    render({
      main: container,
      reason,
      onLoggedIn: (next) => {
        setSession(next);
        if (pathname === LOGIN_PATH) navigate('/', { replace: true });
        else void show({ focus: true });
      },
    });
    if (focus) container.querySelector('h1')?.focus();
    return;
  }
  if (pathname === LOGIN_PATH) {
    navigate('/', { replace: true });
    return;
  }
  markCurrent(pathname);
  const route = routeFor(pathname);
  if (!route || !route.roles.includes(session.user.role)) {
    document.title = `${t(route ? 'page.forbidden' : 'page.notFound')} — Meldpunt`;
    replace(
      container,
      el('h1', { tabindex: '-1' }, t(route ? 'page.forbidden' : 'page.notFound')),
      el('p', {}, t(route ? 'page.forbiddenText' : 'page.notFoundText')),
      el('p', {}, el('a', { href: '/', 'data-link': true }, t('page.toHome'))),
    );
    return;
  }
  document.title = `${t(route.title)} — Meldpunt`;
  try {
    const page = await route.load();
    if (controller.signal.aborted) return;
    await page.render({
      main: container,
      session,
      signal: controller.signal,
      navigate,
      params: paramsFor(route, pathname),
    });
  } catch (error) {
    if (controller.signal.aborted || error?.name === 'AbortError') return;
    console.error(error);
    replace(
      container,
      el('h1', { tabindex: '-1' }, t(route.title)),
      el('p', { class: 'notice error' }, errorText(error)),
    );
  }
  if (focus && !controller.signal.aborted) {
    const heading = container.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}

/** Same-origin links marked data-link open inside the page. */
function interceptLinks(event) {
  const link = event.target instanceof Element ? event.target.closest('a[data-link]') : null;
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey
  ) {
    return;
  }
  event.preventDefault();
  navigate(link.getAttribute('href'));
}

async function start() {
  try {
    await loadMessages(document.documentElement.lang || 'nl');
  } catch (error) {
    console.error(error); // the page still works: t() falls back to keys
  }
  translateStatic();
  document.addEventListener('click', interceptLinks);
  window.addEventListener('popstate', () => void show({ focus: true }));
  window.addEventListener('meldpunt:unauthenticated', () => {
    if (!session) return;
    forgetSchools();
    setSession(null);
    void show({ focus: true, reason: 'expired' });
  });
  try {
    setSession(await api('/auth/me', { anonymous: true }));
  } catch {
    setSession(null);
  }
  await show();
  document.body.dataset.ready = 'true';
}

void start();
