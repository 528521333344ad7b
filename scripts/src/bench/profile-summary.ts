import { readFileSync } from 'node:fs';

/**
 * What a `node --cpu-prof` profile spent its samples on, as text: the functions with the most self time, and
 * the packages (or our own files) with the most, inclusive of what they called, excluding idle.
 *   node scripts/src/bench/profile-summary.ts PROFILE.cpuprofile [top]
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as { nodes: Node[]; samples: number[] };
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const counts = new Map<number, number>();
for (const sample of profile.samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);

const where = (url: string) => {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1]!;
  const ours = /\/(subgraphs\/[^/]+|gateway|scripts|drizzle)\/src\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url.startsWith('node:') ? url : url ? 'other' : '(native)';
};
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
let busy = 0;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, count] of counts) {
  const node = byId.get(id)!;
  if (idle.has(node.callFrame.functionName)) {
    if (node.callFrame.functionName === '(garbage collector)') self.set('(garbage collector)', (self.get('(garbage collector)') ?? 0) + count);
    if (node.callFrame.functionName !== '(garbage collector)') continue;
  }
  busy += count;
  const frame = `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  if (!idle.has(node.callFrame.functionName)) self.set(frame, (self.get(frame) ?? 0) + count);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const place = where(byId.get(at)!.callFrame.url);
    if (!seen.has(place)) {
      seen.add(place);
      inclusive.set(place, (inclusive.get(place) ?? 0) + count);
    }
  }
}
const percent = (n: number) => `${((100 * n) / busy).toFixed(1)} %`;
const list = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${percent(n).padStart(7)}  ${name}`);
};
console.log(`${busy} busy samples of ${profile.samples.length}`);
list('self time', self);
list('inclusive, by package or file', inclusive);
