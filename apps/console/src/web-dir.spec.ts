import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWebDir } from './web-dir';

describe('findWebDir', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'console-web-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function page(dir: string, files: string[]): void {
    for (const file of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
  }

  it('finds the source folder from the build output, skipping the partial copy in dist/', () => {
    page(join(root, 'apps/console/web'), ['index.html', 'app.js', 'i18n/nl.json']);
    page(join(root, 'dist/apps/console/web'), ['index.html', 'i18n/nl.json']);
    mkdirSync(join(root, 'dist/apps/console/src'), { recursive: true });

    expect(findWebDir(join(root, 'dist/apps/console/src'))).toBe(join(root, 'apps/console/web'));
    expect(findWebDir(join(root, 'apps/console/src'))).toBe(join(root, 'apps/console/web'));
  });

  it('uses a complete copy in dist/ when the build ships one', () => {
    page(join(root, 'apps/console/web'), ['index.html', 'app.js', 'i18n/nl.json']);
    page(join(root, 'dist/apps/console/web'), ['index.html', 'app.js', 'i18n/nl.json']);

    expect(findWebDir(join(root, 'dist/apps/console/src'))).toBe(join(root, 'dist/apps/console/web'));
  });

  it('finds the real page from this source folder', () => {
    expect(findWebDir()).toBe(join(__dirname, '..', 'web'));
  });

  it('fails with a hint when there is no page', () => {
    expect(() => findWebDir(root)).toThrow(/set WEB_DIR/);
  });
});
