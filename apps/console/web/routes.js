// The page's views. Each path is also served as index.html by the console (apps/console/src/pages/page-paths.ts).
export const ALL_ROLES = ['school', 'clb-staff', 'doctor', 'coordinator', 'admin'];

export const ROUTES = [
  { path: '/', title: 'nav.home', roles: ALL_ROLES, load: () => import('./pages/home.js') },
  {
    path: '/melding',
    title: 'nav.melding',
    roles: ['school'],
    load: () => import('./pages/melding-form.js'),
  },
  {
    path: '/meldingen',
    title: 'nav.meldingen',
    roles: ['school'],
    load: () => import('./pages/meldingen.js'),
  },
  { path: '/rosters', title: 'nav.rosters', roles: ['school'], load: () => import('./pages/rosters.js') },
  {
    path: '/berichten',
    title: 'nav.notices',
    roles: ['school', 'clb-staff', 'doctor', 'coordinator', 'admin'],
    load: () => import('./pages/notices.js'),
  },
  { path: '/admin/clbs', title: 'nav.clbs', roles: ['admin'], load: () => import('./pages/admin-clbs.js') },
  {
    path: '/admin/schools',
    title: 'nav.schools',
    roles: ['admin'],
    load: () => import('./pages/admin-schools.js'),
  },
  {
    path: '/admin/users',
    title: 'nav.users',
    roles: ['admin'],
    load: () => import('./pages/admin-users.js'),
  },
  {
    path: '/admin/credentials',
    title: 'nav.credentials',
    roles: ['admin'],
    load: () => import('./pages/admin-credentials.js'),
  },
  {
    path: '/wachtrij',
    title: 'nav.queue',
    roles: ['doctor', 'clb-staff', 'coordinator'],
    load: () => import('./pages/risk-queue.js'),
  },
  {
    path: '/dossiers/:id',
    title: 'nav.case',
    roles: ['doctor', 'clb-staff', 'coordinator'],
    nav: false,
    load: () => import('./pages/risk-case.js'),
  },
  {
    path: '/protocollen',
    title: 'nav.protocols',
    roles: ['admin', 'doctor', 'coordinator', 'clb-staff'],
    load: () => import('./pages/protocols.js'),
  },
  {
    path: '/campagnes',
    title: 'nav.campaigns',
    roles: ['clb-staff', 'doctor', 'coordinator', 'admin'],
    load: () => import('./pages/campaigns.js'),
  },
  {
    path: '/onbestelbaar',
    title: 'nav.deadLetters',
    roles: ['clb-staff', 'doctor', 'coordinator', 'admin'],
    load: () => import('./pages/dead-letters.js'),
  },
  {
    path: '/sjablonen',
    title: 'nav.templates',
    roles: ['admin'],
    load: () => import('./pages/templates.js'),
  },
  {
    path: '/status',
    title: 'nav.status',
    roles: ['admin', 'coordinator'],
    load: () => import('./pages/status.js'),
  },
];

/** The login view is shown on any path while logged out; /login is its own address. */
export const LOGIN_PATH = '/login';

/** The values of a route path's `:name` segments in a path, or null when the path is not the route's. */
function match(routePath, path) {
  const names = [];
  const pattern = routePath.replace(/:(\w+)/g, (_whole, name) => {
    names.push(name);
    return '([^/]+)';
  });
  const found = new RegExp(`^${pattern}$`).exec(path);
  if (!found) return null;
  try {
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
  } catch {
    return null; // a malformed %-escape: not a path of this route
  }
}

function normalised(pathname) {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export function routeFor(pathname) {
  const path = normalised(pathname);
  return ROUTES.find((route) => match(route.path, path) !== null) ?? null;
}

/** The `:name` values of a path for its route (`/dossiers/:id` → { id }). */
export function paramsFor(route, pathname) {
  return match(route.path, normalised(pathname)) ?? {};
}

/** The views in the navigation of a role, in order (views with `nav: false` are reached by links only). */
export function navFor(role) {
  return ROUTES.filter((route) => route.roles.includes(role) && route.nav !== false);
}
