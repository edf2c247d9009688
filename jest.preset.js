// Shared Jest settings: swc transform (with decorator metadata, like the build), @meldpunt/* aliases, UTC clock.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcrc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = join(__dirname, target);
}

/** Builds the Jest project config for one Nx project (its folder relative to the workspace root). */
function projectConfig(name, dir) {
  return {
    displayName: name,
    rootDir: join(__dirname, dir),
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
    setupFiles: [join(__dirname, 'jest.setup.js')],
  };
}

module.exports = { projectConfig };
