// Every Nx project is a Jest project; `npx jest --selectProjects messaging` runs one.
// Tiers by file name: *.spec.ts (unit, no I/O), *.int-spec.ts (real Kafka/Postgres/Redis), *.e2e-spec.ts.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { projectConfig } = require('./jest.preset');

const projects = [];
for (const group of ['apps', 'libs', 'tests']) {
  if (!existsSync(join(__dirname, group))) continue;
  for (const name of readdirSync(join(__dirname, group))) {
    if (existsSync(join(__dirname, group, name, 'project.json')))
      projects.push(projectConfig(name, `${group}/${name}`));
  }
}

if (existsSync(join(__dirname, 'tools', 'project.json'))) projects.push(projectConfig('tools', 'tools'));

module.exports = { projects, testTimeout: 60_000 };
