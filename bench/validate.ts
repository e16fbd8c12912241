/**
 * pnpm bench:validate — how fast a sequence file is validated, against JSON.parse of the same
 * text measured in the same run (the machines are shared and noisy: ratios travel, ms don't).
 * Prints a table and writes bench/out/validate.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templateFields, validateSequence } from '@nudge/schema';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A sequence of `size` nodes shaped like real ones: messages, delays and branches in a chain. */
function generated(size: number): string {
  const nodes: unknown[] = [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
  ];
  const edges: unknown[] = [];
  let previous = 'start';
  let handle: string | undefined;
  const link = (id: string) => {
    edges.push({
      id: `e${edges.length + 1}`,
      source: previous,
      target: id,
      ...(handle ? { sourceHandle: handle } : {}),
    });
    previous = id;
    handle = undefined;
  };
  for (let i = 1; nodes.length < size; i++) {
    const kind = i % 4;
    const id = `n${i}`;
    if (kind === 0) {
      nodes.push({
        id,
        type: 'email',
        data: {
          subject: `{{고객명}}님, ${i}번째 소식입니다`,
          body: `<p>안녕하세요 {{고객명}}님, {{회사명}}의 {{ contact.attributes.plan | default: "무료" }} 플랜 안내입니다.</p>`,
          format: 'html',
          mode: 'auto',
        },
      });
    } else if (kind === 1) {
      nodes.push({ id, type: 'delay', data: { amount: 2, unit: 'businessDays' } });
    } else if (kind === 2) {
      nodes.push({
        id,
        type: 'condition',
        data: {
          rule: {
            any: [{ field: 'contact.title', op: 'contains', value: '대표' }, { event: 'replied' }],
          },
        },
      });
      link(id);
      const side = `${id}-no`;
      nodes.push({ id: side, type: 'exit', data: { outcome: 'completed' } });
      edges.push({ id: `e${edges.length + 1}`, source: id, sourceHandle: 'no', target: side });
      handle = 'yes';
      continue;
    } else {
      nodes.push({
        id,
        type: 'sms',
        data: { body: '[넛지] {{고객명}}님, 메일함을 확인해 주세요.', mode: 'auto' },
      });
    }
    link(id);
  }
  return JSON.stringify({ format: 'nudge.sequence/v1', name: `Generated ${size}`, nodes, edges });
}

/** The same file with a different text in every template (templates are cached by text). */
function withUniqueTemplates(file: { nodes: Array<Record<string, unknown>> }, variant: number) {
  for (const node of file.nodes)
    for (const field of templateFields(node)) {
      let parent = node as Record<string | number, unknown>;
      for (const token of field.path.slice(0, -1))
        parent = parent[token] as Record<string | number, unknown>;
      parent[field.path[field.path.length - 1] as string | number] = `${field.text} ${variant}`;
    }
  return file;
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median time of `fn` in ms over enough runs to fill about `budgetMs`. */
function median(fn: () => void, budgetMs = 400): number {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 5 || (performance.now() - started < budgetMs && times.length < 10_000)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const t0 = performance.now();
validateSequence(JSON.parse(readFileSync(`${root}schema/examples/cold-mail.json`, 'utf8')));
const firstCallMs = performance.now() - t0;

const cases: Array<[string, string]> = [
  ['cold-mail.json', readFileSync(`${root}schema/examples/cold-mail.json`, 'utf8')],
  ['onboarding.json', readFileSync(`${root}schema/examples/onboarding.json`, 'utf8')],
  ['generated, 200 nodes', generated(200)],
  ['generated, 2,000 nodes (the limit)', generated(2000)],
];

const rows = cases.map(([name, text]) => {
  const parsed = JSON.parse(text);
  const check = validateSequence(parsed);
  if (!check.ok) throw new Error(`${name} is not valid: ${JSON.stringify(check.errors[0])}`);
  const parseMs = median(() => JSON.parse(text));
  // A file seen for the first time: every template text is new (templates are analysed once
  // per distinct text), so each run validates a variant not seen before, made before timing.
  const count = Math.min(300, Math.max(10, Math.round(20_000 / parsed.nodes.length)));
  const variants = Array.from({ length: count }, (_, i) =>
    withUniqueTemplates(JSON.parse(text), i),
  );
  const newFileMs = medianOf(variants.map((v) => timed(() => validateSequence(v))));
  // The editor re-validating after an edit elsewhere: the templates are unchanged.
  const againMs = median(() => validateSequence(parsed));
  return {
    case: name,
    nodes: parsed.nodes.length,
    kib: Math.round(Buffer.byteLength(text) / 1024),
    parseMs,
    newFileMs,
    againMs,
    newFileRatio: newFileMs / parseMs,
    againRatio: againMs / parseMs,
  };
});

const fmt = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2));
console.log(
  `first call (loads the validator and the Liquid engine): ${firstCallMs.toFixed(1)} ms\n`,
);
console.log(
  '| case | nodes | KiB | JSON.parse ms (baseline) | validate, new file ms | ratio | validate again ms | ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.case} | ${r.nodes} | ${r.kib} | ${fmt(r.parseMs)} | ${fmt(r.newFileMs)} | ${r.newFileRatio.toFixed(1)}x | ${fmt(r.againMs)} | ${r.againRatio.toFixed(1)}x |`,
  );

mkdirSync(`${root}bench/out`, { recursive: true });
writeFileSync(
  `${root}bench/out/validate.json`,
  `${JSON.stringify({ when: new Date().toISOString(), node: process.version, firstCallMs, rows }, null, 2)}\n`,
);
console.log('\nwrote bench/out/validate.json');
