/**
 * The page's own URLs (see web/routes.js): each serves index.html, and the page's router shows the view. The shell
 * is public; every view loads its data from routes that need a session.
 */
export const PAGE_PATHS = [
  '/login',
  '/status',
  '/melding',
  '/meldingen',
  '/rosters',
  '/berichten',
  '/admin/clbs',
  '/admin/schools',
  '/admin/users',
  '/admin/credentials',
  '/wachtrij',
  '/dossiers/:id',
  '/protocollen',
  '/sjablonen',
  '/campagnes',
  '/onbestelbaar',
] as const;
