// Lets plain `node` run TypeScript fixtures: node --require libs/testing/src/swc-register.js fixture.ts
// Compiles each .ts file on require with @swc/core, using the repo's .swcrc (decorator metadata, like the build
// and Jest) and rewriting the @meldpunt/* aliases from tsconfig.base.json to relative paths, like tools/build.mjs.
// Plain JavaScript on purpose: it must load before any TypeScript can.
'use strict';
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../../..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  if (filename.includes('/node_modules/')) throw new Error(`swc-register: refusing to compile ${filename}`);
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...swcrc,
    swcrc: false,
    filename,
    sourceMaps: 'inline',
    jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
  });
  module._compile(code, filename);
};

process.setSourceMapsEnabled(true);
process.env.TZ = process.env.TZ || 'UTC';
require('reflect-metadata');
