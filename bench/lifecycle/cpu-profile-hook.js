/**
 * Preloaded into the API by `npm run bench:lifecycle -- --profile-api <file>` (NODE_OPTIONS=--require):
 * SIGUSR2 starts the V8 CPU profiler, the next SIGUSR2 stops it and writes the profile to BENCH_CPU_PROFILE
 * (open it in Chrome DevTools, or summarise it with bench/lifecycle/profile-summary.ts).
 */
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');

const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(result.profile));
  });
});
