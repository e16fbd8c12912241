/**
 * A large sequence as a marketing team would build it, for `pnpm bench:editor`: emails with
 * waits for opens, condition and split branches that meet again, AlimTalk with SMS fallback,
 * call tasks, contact updates, and exits; Korean and English text, merge variables. Every step
 * has a position (a file saved by the editor has them), laid out top to bottom in lanes, so the
 * editor and the baseline page draw the same graph at the same places.
 */

export interface GeneratedSequence {
  format: 'nudge.sequence/v1';
  id: string;
  name: string;
  settings: Record<string, unknown>;
  nodes: Array<{ id: string; type: string; position: { x: number; y: number }; data: unknown }>;
  edges: Array<{ id: string; source: string; target: string; sourceHandle?: string }>;
}

/** Where a step's way out waits for the next step of the main line. */
interface OpenEnd {
  source: string;
  handle?: string;
}

/** The editor's card is 260 by about 112 px (canvas/layout.ts); lanes and ranks keep clear. */
const RANK = 184;
const LANE = 320;

/** A sequence of exactly `size` steps (at least 2): the entry, blocks of steps, a last exit. */
export function generateSequence(size: number): GeneratedSequence {
  if (size < 2) throw new Error('a sequence has an entry and an exit at least');
  const nodes: GeneratedSequence['nodes'] = [];
  const edges: GeneratedSequence['edges'] = [];
  const rank = new Map<string, number>();
  let ends: OpenEnd[] = [];
  let counter = 0;

  /** Adds a step in `lane` (0 the main line, -1 left, 1 right), linked from `from`. */
  const add = (type: string, data: unknown, from: OpenEnd[], lane = 0): string => {
    const id = `${type.replace('_', '-')}-${++counter}`;
    const r = Math.max(-1, ...from.map((end) => rank.get(end.source) ?? 0)) + 1;
    rank.set(id, r);
    nodes.push({ id, type, position: { x: lane * LANE, y: r * RANK }, data });
    for (const end of from)
      edges.push({
        id: `e${edges.length + 1}`,
        source: end.source,
        target: id,
        ...(end.handle ? { sourceHandle: end.handle } : {}),
      });
    return id;
  };
  /** The next step of the main line: every open end leads into it. */
  const next = (type: string, data: unknown): string => {
    const id = add(type, data, ends);
    ends = [{ source: id }];
    return id;
  };

  next('entry', {
    triggers: [
      { kind: 'segment', segment: 'trial-signups' },
      { kind: 'event', name: 'demo_requested' },
    ],
  });
  let lastEmail = '';
  const BLOCKS: Array<{ size: number; build(i: number): void }> = [
    {
      // An email, then a pause.
      size: 2,
      build(i) {
        lastEmail = next('email', email(i));
        next('delay', { amount: 1 + (i % 3), unit: i % 2 ? 'businessDays' : 'days' });
      },
    },
    {
      // Wait for the email to be opened; if not, a follow-up in the same thread.
      size: 2,
      build(i) {
        const wait = next('wait_for', {
          rule: { event: 'opened', node: lastEmail },
          timeout: { amount: 3, unit: 'businessDays' },
        });
        const bump = add('email', followUp(i), [{ source: wait, handle: 'timeout' }], 1);
        ends = [{ source: wait, handle: 'met' }, { source: bump }];
      },
    },
    {
      // Executives get AlimTalk, everyone else an SMS; both go on.
      size: 3,
      build(i) {
        const check = next('condition', {
          rule: {
            any: [
              { field: 'contact.title', op: 'contains', value: '대표' },
              { field: 'contact.title', op: 'contains', value: 'CEO' },
            ],
          },
        });
        const kakao = add('kakao', alimTalk(i), [{ source: check, handle: 'yes' }], -1);
        const sms = add('sms', text(i), [{ source: check, handle: 'no' }], 1);
        ends = [{ source: kakao }, { source: sms }];
      },
    },
    {
      // An A/B test of two emails.
      size: 3,
      build(i) {
        const split = next('split', {
          branches: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        });
        const a = add('email', email(i), [{ source: split, handle: 'a' }], -1);
        const b = add(
          'email',
          { ...email(i + 1), format: 'text', body: plainBody(i) },
          [{ source: split, handle: 'b' }],
          1,
        );
        ends = [{ source: a }, { source: b }];
      },
    },
    {
      // A call for the owner, then a tag.
      size: 2,
      build(i) {
        next('task', {
          kind: 'call',
          title: '{{회사명}} {{고객명}}님께 전화 ({{ contact.title | default: "담당자" }})',
          note: `Step ${i}: ask about the trial, offer a walkthrough.`,
          assignee: 'owner',
          waitForCompletion: i % 2 === 0,
        });
        next('update_contact', {
          addTags: [`touched-${i % 7}`],
          set: { 'contact.attributes.stage': `stage-${i % 5}` },
        });
      },
    },
    {
      // Those who replied or upgraded leave as converted.
      size: 2,
      build() {
        const check = next('condition', {
          rule: {
            any: [
              { event: 'replied' },
              { field: 'contact.attributes.plan', op: 'in', value: ['team', 'business'] },
            ],
          },
        });
        add('exit', { outcome: 'converted' }, [{ source: check, handle: 'yes' }], -1);
        ends = [{ source: check, handle: 'no' }];
      },
    },
  ];
  // Blocks in turn while they fit, then single emails, then the exit.
  for (let i = 0; ; i++) {
    const block = BLOCKS[i % BLOCKS.length] as (typeof BLOCKS)[number];
    if (nodes.length + block.size > size - 1) break;
    block.build(i);
  }
  while (nodes.length < size - 1) lastEmail = next('email', email(nodes.length));
  next('exit', { outcome: 'completed' });

  return {
    format: 'nudge.sequence/v1',
    id: `generated-${size}`,
    name: `Generated, ${size.toLocaleString('en-US')} steps`,
    settings: {
      timezone: 'Asia/Seoul',
      useContactTimezone: true,
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
      holidays: ['KR'],
      sender: { name: '넛지 팀', email: 'team@nudge.example' },
      exit: { onReply: true, onBounce: true },
      tracking: { opens: true, clicks: true },
    },
    nodes,
    edges,
  };
}

const email = (i: number) => ({
  subject: `{{ 고객명 | default: "고객" }}님, ${i}번째 소식: {{ contact.company }}를 위한 안내`,
  body: `<p>안녕하세요 {{고객명}}님,</p>\n<p>{{회사명}}의 {{ contact.attributes.plan | default: "무료" }} 플랜으로 할 수 있는 일 ${i}가지를 정리했습니다.</p>\n<p><a href="https://nudge.example/guide/${i}">가이드 보기</a></p>`,
  format: 'html',
  mode: 'auto',
});

const followUp = (i: number) => ({
  body: `Hi {{ contact.name }}, just bringing this back to the top of your inbox (${i}).`,
  format: 'text',
  mode: 'auto',
});

const plainBody = (i: number) =>
  `Hi {{ contact.name | default: "there" }},\n\nA shorter note this time (${i}): reply with a good time for a call.\n\n{{ owner.name | default: "Mina" }}`;

const text = (i: number) => ({
  body: `[넛지] {{고객명}}님, 메일함을 확인해 주세요 (${i}).`,
  mode: 'auto',
});

const alimTalk = (i: number) => ({
  templateCode: `TRIAL_${i % 10}`,
  body: `[넛지] {{고객명}}님, {{회사명}} 체험 기간이 곧 끝납니다.\n아래 버튼으로 연장을 신청하세요.`,
  buttons: [{ name: '연장 신청', url: 'https://nudge.example/extend?c={{ contact.id }}' }],
  fallbackSms: '[넛지] {{고객명}}님, 체험 연장: https://nudge.example/extend',
  mode: 'auto',
});
