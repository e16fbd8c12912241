/**
 * pnpm bench:core — the pure interpreter and the renderer, with baselines measured in the
 * same run (the machines are shared and noisy: ratios travel, ms don't).
 *
 * 1. 1,000 contacts simulated through a 50-node sequence over 90 days, with scripted opens,
 *    clicks, replies and unsubscribes. Target: under 1 s in all. Baseline: a JSON round trip
 *    of the enrollment state per applied input, the least a driver pays to store it.
 * 2. Liquid renders of a 1 KB template with the parse cache, against parsing every time.
 *    Targets: at least 50,000 renders/s, and a ratio of at least 5x.
 *
 * Prints a table and writes bench/out/core.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Contact,
  compile,
  type MergeContext,
  renderTemplate,
  type ScriptedEvent,
  simulate,
} from '@nudge/runtime/core';
import { FORMAT_V1, resolveSettings, type Sequence } from '@nudge/schema';
import { renderTemplateUncached } from '../runtime/src/core/render/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A deterministic PRNG (mulberry32), so every run simulates the same contacts and events. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 50 nodes shaped like a real follow-up: emails, waits for opens, branches, SMS, tasks. */
function sequence50(): Sequence {
  const nodes: Sequence['nodes'] = [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
  ];
  const edges: Sequence['edges'] = [];
  let tails: Array<[string, string | null]> = [['start', null]];
  let lastEmail = '';
  const add = (node: Sequence['nodes'][number], handles: Array<string | null> = [null]) => {
    for (const [source, handle] of tails)
      edges.push({
        id: `e${edges.length + 1}`,
        source,
        target: node.id,
        ...(handle ? { sourceHandle: handle } : {}),
      });
    nodes.push(node);
    tails = handles.map((h) => [node.id, h]);
  };
  for (let i = 1; nodes.length < 49; i++) {
    const id = `n${i}`;
    switch (i % 8) {
      case 1:
        lastEmail = id;
        add({
          id,
          type: 'email',
          data: {
            subject: `{{고객명}}님, {{회사명}}을 위한 ${i}번째 제안`,
            body: `<p>안녕하세요 {{고객명}}님,</p><p>{{회사명}}의 {{직함}}님께 {{ contact.attributes.plan | default: "무료" }} 플랜 소식을 전합니다.</p><p>{{담당자명}} 드림</p>`,
            format: 'html',
            mode: 'auto',
          },
        });
        break;
      case 2:
        add(
          {
            id,
            type: 'wait_for',
            data: {
              rule: { event: 'opened', node: lastEmail },
              timeout: { amount: 2, unit: 'days' },
            },
          },
          ['met', 'timeout'],
        );
        break;
      case 3:
        add(
          {
            id,
            type: 'condition',
            data: {
              rule: {
                any: [
                  { event: 'clicked' },
                  { field: 'contact.tags', op: 'contains', value: 'vip' },
                ],
              },
            },
          },
          ['yes', 'no'],
        );
        break;
      case 4:
        add({
          id,
          type: 'sms',
          data: { body: '[넛지] {{고객명}}님, 메일함을 확인해 주세요.', mode: 'auto' },
        });
        break;
      case 5:
        add({ id, type: 'delay', data: { amount: 1, unit: 'businessDays' } });
        break;
      case 6:
        add({
          id,
          type: 'task',
          data: { kind: 'call', title: '{{고객명}}님께 전화 ({{회사명}})', assignee: 'owner' },
        });
        break;
      case 7:
        add(
          {
            id,
            type: 'split',
            data: {
              branches: [
                { id: 'a', weight: 50 },
                { id: 'b', weight: 50 },
              ],
            },
          },
          ['a', 'b'],
        );
        break;
      default:
        add({
          id,
          type: 'update_contact',
          data: { set: { 'contact.attributes.stage': `step-${i}` } },
        });
    }
  }
  add({ id: 'done', type: 'exit', data: { outcome: 'completed' } }, []);
  return {
    format: FORMAT_V1,
    name: 'Benchmark, 50 nodes',
    settings: {
      timezone: 'Asia/Seoul',
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
      holidays: ['KR'],
      sender: { name: 'Nudge', email: 'team@nudge.test' },
    },
    nodes,
    edges,
  } as Sequence;
}

const START = Date.parse('2026-01-05T00:00:00Z');
const DAYS = 90;
const zones = [
  'Asia/Seoul',
  'Asia/Seoul',
  'Asia/Seoul',
  'Asia/Seoul',
  'America/New_York',
  'Europe/Berlin',
];

function people(count: number, emails: string[]) {
  const random = prng(42);
  const at = () => new Date(START + Math.floor(random() * DAYS * 86_400_000)).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const contact: Contact = {
      id: `c${i}`,
      email: `person${i}@example.kr`,
      phone: '+821012345678',
      name: `고객${i}`,
      company: `회사${i % 50}`,
      title: i % 3 === 0 ? '대표' : '팀장',
      timezone: zones[i % zones.length] as string,
      tags: i % 10 === 0 ? ['vip'] : [],
      owner: { name: '이서연', email: 'seoyeon@nudge.test' },
      attributes: { plan: i % 2 ? 'pro' : 'free' },
    };
    const events: ScriptedEvent[] = [];
    for (const node of emails) if (random() < 0.4) events.push({ at: at(), type: 'opened', node });
    if (random() < 0.1) events.push({ at: at(), type: 'clicked' });
    if (random() < 0.15) events.push({ at: at(), type: 'replied' });
    if (random() < 0.02) events.push({ at: at(), type: 'unsubscribed' });
    return { contact, events };
  });
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const value = fn();
  return [value, performance.now() - t];
}

/* 1. The simulation. */
const sequence = sequence50();
compile(sequence);
const emails = sequence.nodes.filter((n) => n.type === 'email').map((n) => n.id);
const cohort = people(1000, emails);
const until = new Date(START + DAYS * 86_400_000).toISOString();
const start = new Date(START).toISOString();
const runAll = () =>
  cohort.map((p, i) => simulate({ sequence, ...p, start, until, enrollmentId: `enr-${i}` }));
runAll(); // warm-up: JIT, holiday tables, template cache
const [results, simulateMs] = timed(runAll);
const inputs = results.reduce((sum, r) => sum + r.inputs, 0);
const steps = results.reduce((sum, r) => sum + r.timeline.length, 0);
const statuses: Record<string, number> = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;

// Baseline: a JSON round trip of a mid-run enrollment state, once per applied input.
const sampleState = JSON.stringify({
  enrollmentId: 'enr-1',
  version: 12,
  status: 'active',
  node: 'n17',
  waiting: { kind: 'delay', until: START },
  enrolledAt: START,
  events: [{ id: 'e1', type: 'opened', at: START, node: 'n1' }],
  thread: { subject: '고객1님, 회사1을 위한 1번째 제안', nodes: ['n1', 'n9'] },
});
const [, baselineMs] = timed(() => {
  for (let i = 0; i < inputs; i++) JSON.parse(JSON.stringify(JSON.parse(sampleState)));
});

/* 2. Rendering. */
const template = `<h1>{{고객명}}님, 안녕하세요</h1>
<p>{{회사명}}의 {{직함}}님께 Nudge 팀이 인사드립니다. 지난번 말씀하신 {{ contact.attributes.plan | default: "무료" }} 플랜의
도입 일정과 관련해 몇 가지 제안을 드리려 합니다.</p>
<ul>{% for tag in contact.tags %}<li>{{ tag }}</li>{% endfor %}</ul>
<p>Dear {{ contact.name }}, thank you for your interest in Nudge. Your account manager {{ owner.name }}
({{ owner.email }}) will follow up with {{ contact.company }} this week.</p>
{% if contact.title == "대표" %}<p>대표님께는 별도의 임원 전용 데모를 준비해 두었습니다.</p>{% else %}<p>팀 단위 데모를 준비해 두었습니다.</p>{% endif %}
<p>일정이 맞지 않으시면 이 메일에 회신해 주세요. 다른 분께 전달해 주셔도 좋습니다. {{담당자명}} 드림</p>
<p>If the timing is not right, reply to this email and we will find another slot.</p>
<p style="color:#888">{{ sequence.name }} · {{ sender.name }} &lt;{{ sender.email }}&gt;</p>`;
const templateBytes = Buffer.byteLength(template);
const resolved = resolveSettings(sequence.settings);
const context: MergeContext = {
  contact: { ...(cohort[0]?.contact as Contact), tags: ['vip', 'seoul', 'logistics'] },
  sender: { name: 'Nudge', email: 'team@nudge.test' },
  sequence: { name: sequence.name },
  variables: resolved.variables,
};
const cachedOut = renderTemplate(template, context, { html: true }).text;
if (cachedOut !== renderTemplateUncached(template, context, { html: true }).text)
  throw new Error('cached and uncached renders differ');

/** Renders per second of `fn` over about `budgetMs`. */
function rate(fn: () => void, budgetMs = 1000): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < budgetMs) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
  }
  return n / ((performance.now() - t) / 1000);
}
const uncachedRate = rate(() => renderTemplateUncached(template, context, { html: true }));
const cachedRate = rate(() => renderTemplate(template, context, { html: true }));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log('| simulation | value |');
console.log('|---|---:|');
console.log(`| contacts × nodes × days | 1,000 × ${sequence.nodes.length} × ${DAYS} |`);
console.log(`| inputs applied (advance calls) | ${fmt(inputs)} |`);
console.log(`| steps taken (timeline entries) | ${fmt(steps)} |`);
console.log(`| total time | ${simulateMs.toFixed(0)} ms (target < 1,000 ms) |`);
console.log(`| steps per second | ${fmt(steps / (simulateMs / 1000))} |`);
console.log(`| inputs per second | ${fmt(inputs / (simulateMs / 1000))} |`);
console.log(`| baseline: JSON round trip of the state per input | ${baselineMs.toFixed(0)} ms |`);
console.log(`| ratio to baseline | ${(simulateMs / baselineMs).toFixed(1)}x |`);
console.log(
  `| outcomes | ${Object.entries(statuses)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ')} |`,
);
console.log('');
console.log(`| Liquid, ${templateBytes} B template (HTML escaping) | renders/s |`);
console.log('|---|---:|');
console.log(`| parse every time (baseline) | ${fmt(uncachedRate)} |`);
console.log(`| parse cache | ${fmt(cachedRate)} (target ≥ 50,000) |`);
console.log(`| ratio | ${(cachedRate / uncachedRate).toFixed(1)}x (target ≥ 5x) |`);

mkdirSync(`${root}bench/out`, { recursive: true });
writeFileSync(
  `${root}bench/out/core.json`,
  `${JSON.stringify(
    {
      when: new Date().toISOString(),
      node: process.version,
      simulation: {
        contacts: 1000,
        nodes: sequence.nodes.length,
        days: DAYS,
        inputs,
        steps,
        simulateMs,
        baselineMs,
        statuses,
      },
      rendering: { templateBytes, cachedRate, uncachedRate, ratio: cachedRate / uncachedRate },
    },
    null,
    2,
  )}\n`,
);
console.log('\nwrote bench/out/core.json');
