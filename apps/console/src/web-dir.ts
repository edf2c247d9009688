import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Files that must all be present for a folder to count as the console page. */
const MARKERS = ['index.html', 'app.js', join('i18n', 'nl.json')];

function isWebDir(dir: string): boolean {
  return MARKERS.every((file) => existsSync(join(dir, file)));
}

/**
 * Finds `apps/console/web` by walking up from `from` (this file's folder by default), so the same code works from
 * the sources (`apps/console/src`, under Jest) and from the build (`dist/apps/console/src`). The build copies
 * index.html and nl.json but not app.js, so a partial copy in dist/ is skipped and the source folder is used.
 */
export function findWebDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'apps', 'console', 'web');
    if (isWebDir(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `console page not found: no apps/console/web with ${MARKERS.join(', ')} above ${from}; set WEB_DIR to its folder`,
  );
}

/** The folder the page is served from, as resolved at start (injected by class token). */
export class WebDir {
  constructor(readonly path: string) {}
}
