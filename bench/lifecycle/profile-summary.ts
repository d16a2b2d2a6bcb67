/**
 * Summarises a V8 CPU profile (.cpuprofile): self time by function and by package or project folder, the
 * heaviest first. `node -r @swc-node/register bench/lifecycle/profile-summary.ts <file> [top]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function area(url: string): string {
  if (!url) return '(native/v8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return url;
  const project = /\/(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+|bench)\//.exec(url);
  return project ? project[1]! : url;
}

const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const [id, us] of selfUs) {
  const frame = byId.get(id)!.callFrame;
  const name = `${frame.functionName || '(anonymous)'} ${area(frame.url)}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byArea.set(area(frame.url), (byArea.get(area(frame.url)) ?? 0) + us);
}
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}\n`);
};
process.stdout.write(`total ${(total / 1e6).toFixed(2)} s sampled\n`);
print('self time by package / folder', byArea);
print('self time by function', byFunction);

// Inclusive time of the functions whose name matches the optional third argument (a regular expression).
const pattern = process.argv[4] ? new RegExp(process.argv[4]) : undefined;
if (pattern) {
  const inclusive = new Map<number, number>();
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    const sum = (selfUs.get(id) ?? 0) + (node.children ?? []).reduce((acc, child) => acc + visit(child), 0);
    inclusive.set(id, sum);
    return sum;
  };
  visit(profile.nodes[0]!.id);
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${area(frame.url)}:${frame.lineNumber + 1}`;
    if (!pattern.test(name)) continue;
    // Count a frame only where no ancestor has the same name (recursion).
    byName.set(name, (byName.get(name) ?? 0) + inclusive.get(node.id)!);
  }
  print(`inclusive time of functions matching ${pattern}`, byName);
}

// Samples by phase of a request: each sample goes to the innermost frame on its stack that names a phase.
const phases: [string, RegExp][] = [
  ['response: JSON.stringify', /^stringify express|^stringify \(native/],
  ['response: ETag', /^(etag|entitytag) etag/],
  ['response: res.json/send', /^(json|send) express/],
  ['auth: JWT verify (jose)', /jose/],
  ['auth: account status', /assertActive|AccountStatusCache/],
  ['pipe: validation (class-validator/transformer)', /class-validator|class-transformer|transform @nestjs\/common|PolicyValidationPipe/],
  ['guard: input policy', /apps\/api\/src\/common:.*|InputPolicyGuard|queryProblem|bodyProblem|pathProblem/],
  ['guard: auth', /apps\/api\/src\/auth/],
  ['interceptor: Temporal deadline', /@temporalio|intercept apps\/api\/src\/temporal/],
  ['SQL: pg / typeorm', /(^| )(pg|pg-protocol|pg-pool|typeorm|postgres-date|pg-types)(:|$)/],
  ['handler: inbox page', /apps\/api\/src\/tasks|libs\/domain/],
  ['Nest pipeline (core, rxjs)', /@nestjs|rxjs|reflect-metadata/],
  ['express / router / middleware', /express|router|body-parser|requestIdMiddleware|securityHeaders|content-type|type-is|finalhandler|on-finished|fresh/],
  ['node http', /node:_http|node:net|node:internal\/streams|node:internal\/stream_base/],
];
if (process.argv[5] === 'phases') {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName || '(anonymous)'} ${area(frame.url)}:${frame.lineNumber + 1}`;
  };
  const byPhase = new Map<string, number>();
  for (const [id, us] of selfUs) {
    let phase = byId.get(id)!.callFrame.functionName.startsWith('(') ? byId.get(id)!.callFrame.functionName : 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(at);
      const found = phases.find(([, pattern]) => pattern.test(name));
      if (found) {
        phase = found[0];
        break;
      }
    }
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + us);
  }
  print('samples by phase (innermost phase on the stack)', byPhase);
}

// The functions whose samples fell to one phase (sixth argument), to see inside it.
if (process.argv[5] === 'phases' && process.argv[6]) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName || '(anonymous)'} ${area(frame.url)}:${frame.lineNumber + 1}`;
  };
  const wanted = process.argv[6];
  const inside = new Map<string, number>();
  for (const [id, us] of selfUs) {
    let phase = 'other';
    let stack = '';
    for (let at: number | undefined = id, depth = 0; at !== undefined; at = parent.get(at), depth++) {
      const name = nameOf(at);
      if (depth < 4) stack += ` < ${name}`;
      const found = phases.find(([, pattern]) => pattern.test(name));
      if (found) {
        phase = found[0];
        break;
      }
    }
    if (phase === wanted) inside.set(stack, (inside.get(stack) ?? 0) + us);
  }
  print(`inside phase ${wanted}`, inside);
}
