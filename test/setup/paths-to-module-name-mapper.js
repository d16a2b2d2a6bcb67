// Jest needs the tsconfig `paths` aliases too: read them from tsconfig.json so there is one source.
const { readFileSync } = require('node:fs');
const path = require('node:path');

function pathsToModuleNameMapper() {
  const root = path.resolve(__dirname, '..', '..');
  const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace(/[/.]/g, '\\$&')}$`] = path.join(root, target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
