// Compiles every TypeScript source of apps/, libs/ and tools/ into dist/ with swc (decorator metadata included),
// rewriting the @meldpunt/* path aliases to relative imports so dist/ runs with plain `node`.
// Type checking is separate (`npm run typecheck`): this step must stay fast because `npm start` runs it.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const sourceDirs = ['apps', 'libs', 'tools'];
const skip = /(\.spec\.ts|\.int-spec\.ts|\.e2e-spec\.ts|\.d\.ts)$/;
const assetExt = /\.(html|css|json|svg|ico|png|txt)$/;

const base = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const started = Date.now();
await rm(out, { recursive: true, force: true });
const jobs = [];
for (const dir of sourceDirs) {
  for await (const file of walk(join(root, dir))) {
    const rel = relative(root, file);
    if (file.endsWith('.ts') && !skip.test(file)) {
      jobs.push(
        (async () => {
          const { code, map } = await transformFile(file, {
            ...swcrc,
            swcrc: false,
            filename: file,
            sourceFileName: relative(join(out, dirname(rel)), file),
            jsc: { ...swcrc.jsc, baseUrl: root, paths: base.compilerOptions.paths },
          });
          const target = join(out, rel.replace(/\.ts$/, '.js'));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, code + '\n//# sourceMappingURL=' + target.split('/').pop() + '.map');
          if (map) await writeFile(target + '.map', map);
        })(),
      );
    } else if (
      (assetExt.test(file) || (/\/web\//.test(rel) && file.endsWith('.js'))) &&
      !file.endsWith('project.json') &&
      !file.endsWith('tsconfig.json')
    ) {
      jobs.push(
        (async () => {
          const target = join(out, rel);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(file, target);
        })(),
      );
    }
  }
}
await Promise.all(jobs);
console.log(`build: ${jobs.length} files compiled to dist/ in ${Date.now() - started} ms`);
