import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { simulate } from '@nudge/runtime/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  brokenSequence,
  example,
  examplesDir,
  nodeTs,
  readExample,
  runCli,
  runProcess,
  tempDir,
} from '../test-support.ts';
import type { CliIo } from './io.ts';
import { parseOptions } from './simulate.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const contactFile = fixture('contact.json');
const eventsFile = fixture('events.json');
const coldMail = `${examplesDir}/cold-mail.json`;
/** A Saturday afternoon in Seoul: the welcome waits for Monday's window. */
const START = '2026-01-03T14:00:00+09:00';

const holidayless = example('cold-mail') as unknown as { settings: { holidays: string[] } };
holidayless.settings.holidays = ['ZZ'];
const files = tempDir({
  'cold-mail.json': readExample('cold-mail'),
  'no-calendar.json': JSON.stringify(holidayless),
  'broken.json': JSON.stringify(brokenSequence(), null, 2),
  'contact.json': readFileSync(contactFile, 'utf8'),
  'events.json': readFileSync(eventsFile, 'utf8'),
  'bad-contact.json': JSON.stringify({ name: '김민준', timezone: 'Seoul', mail: 'x@y.z' }),
  'bad-events.json': JSON.stringify([
    { at: '2026-01-05T10:00+09:00', type: 'opened', node: 'welcome' },
    { at: '2026-01-06T10:00+09:00', type: 'open' },
    { at: 'Jan 7', type: 'clicked', node: 'welcom' },
  ]),
  'not-json.json': '{\n  "name": "x",\n}\n',
});
afterAll(() => files.remove());

/** The CLI in this process: argument checks, input files, output formats. */
const nudge = (args: string[], options: Partial<CliIo> = {}) =>
  runCli(args, { cwd: files.dir, ...options });

const simulateArgs = (...more: string[]) => [
  'simulate',
  'cold-mail.json',
  '--contact',
  'contact.json',
  '--start',
  START,
  ...more,
];

describe('nudge simulate: the command line', () => {
  it('defaults to 365 days, takes --days or --until, and passes times on in UTC', () => {
    const base = ['x.json', '--contact', 'c.json', '--start', START];
    expect(parseOptions(base)).toEqual({
      file: 'x.json',
      contact: 'c.json',
      start: '2026-01-03T05:00:00.000Z',
      until: '2027-01-03T05:00:00.000Z',
      json: false,
    });
    expect(parseOptions([...base, '--days', '10', '--events', 'e.json', '--json'])).toMatchObject({
      events: 'e.json',
      until: '2026-01-13T05:00:00.000Z',
      json: true,
    });
    expect(parseOptions([...base, '--until', '2026-02-01T00:00Z'])).toMatchObject({
      until: '2026-02-01T00:00:00.000Z',
    });
    expect(parseOptions(['-h'])).toBe('help');
  });

  it.each([
    [['simulate', '--contact', 'c.json', '--start', START], 'simulate needs a sequence FILE'],
    [simulateArgs('other.json'), 'simulate takes one FILE (got 2: cold-mail.json other.json)'],
    [['simulate', 'x.json', '--start', START], '--contact CONTACT.json is required'],
    [['simulate', 'x.json', '--contact', 'c.json'], '--start is required'],
    [
      ['simulate', 'x.json', '--contact', 'c.json', '--start', '2026-01-05'],
      '--start "2026-01-05" is not an ISO 8601 time with an offset or Z, such as 2026-01-05T09:00+09:00',
    ],
    [simulateArgs('--until', '2026-01-03T05:00Z'), '--until must be after --start'],
    [simulateArgs('--until', 'soon'), '--until "soon" is not an ISO 8601 time'],
    [
      simulateArgs('--until', '2026-02-01T00:00Z', '--days', '3'),
      'give --until or --days, not both',
    ],
    [simulateArgs('--days', '0'), '--days must be a whole number of days from 1 to 3650 (got "0")'],
    [simulateArgs('--days', '3651'), '--days must be a whole number of days from 1 to 3650'],
    [simulateArgs('--days', '1.5'), '--days must be a whole number of days from 1 to 3650'],
    [
      ['simulate', '-', '--contact', '-', '--start', START],
      '`-` (stdin) can stand for one file only',
    ],
    [simulateArgs('--contcat', 'x'), "Unknown option '--contcat'"],
  ])('%j is a usage error: message and help on stderr, exit 2', async (args, message) => {
    const result = await nudge(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`nudge: ${message}`);
    expect(result.stderr).toContain('Usage: pnpm nudge simulate FILE --contact CONTACT.json');
  });

  it('has a help with its options and exit statuses', async () => {
    const result = await nudge(['help', 'simulate']);
    expect(result.code).toBe(0);
    for (const text of ['--contact FILE', '--events FILE', '--until ISO', '--days N', '--json'])
      expect(result.stdout).toContain(text);
    expect(result.stdout).toContain('0  the simulation ran (whatever status');
    const list = await nudge(['help']);
    expect(list.stdout).toContain(
      '  simulate FILE --contact CONTACT.json --start ISO [options]\n      run one contact',
    );
  });
});

describe('nudge simulate: input files', () => {
  it('exits 2 naming the file and each property of a contact that is not as FORMAT.md says', async () => {
    const result = await nudge(
      simulateArgs().map((a) => (a === 'contact.json' ? 'bad-contact.json' : a)),
    );
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      [
        'bad-contact.json: "timezone" must be an IANA zone such as "Asia/Seoul"',
        'bad-contact.json: unknown property "mail" (allowed: id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed)',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 naming the file and the index of each bad event', async () => {
    const result = await nudge(simulateArgs('--events', 'bad-events.json'));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      [
        'bad-events.json: [1].type must be one of delivered, opened, clicked, replied, bounced, unsubscribed, custom (found "open")',
        'bad-events.json: [2].at is not an ISO 8601 time with an offset or Z, such as "2026-01-05T09:00+09:00"',
        'bad-events.json: [2].node "welcom" is not a node of the sequence',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for a contact or events file that is missing or not JSON, with line and column', async () => {
    const missing = await nudge(simulateArgs('--events', 'nope.json'));
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'nope.json: no such file\n' });
    const notJson = await nudge(
      simulateArgs().map((a) => (a === 'contact.json' ? 'not-json.json' : a)),
    );
    expect(notJson).toMatchObject({ code: 2, stdout: '' });
    expect(notJson.stderr).toMatch(/^not-json\.json:3:1: not JSON: expected a property name/);
  });

  it('exits 1 for an invalid sequence, printing what `nudge validate` prints, on stderr', async () => {
    const result = await nudge(
      simulateArgs().map((a) => (a === 'cold-mail.json' ? 'broken.json' : a)),
    );
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(
      'error [unknown_handle] edge e3 at /edges/2/sourceHandle: wait_for "opened-welcome" has no handle "maybe"',
    );
    expect(result.stderr).toMatch(/\nbroken\.json: invalid, 3 errors, 1 warning\n$/);
  });

  it('exits 2 for an unreadable sequence even when the contact is bad too, listing both', async () => {
    const result = await nudge([
      'simulate',
      'gone.json',
      '--contact',
      'bad-contact.json',
      '--start',
      START,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^gone\.json: error \[file_not_found\]: no such file\ngone\.json: unreadable\nbad-contact\.json: "timezone"/,
    );
  });

  it('checks the events of an invalid sequence too, but not their node ids; 2 wins over 1', async () => {
    const args = simulateArgs('--events', 'bad-events.json');
    const result = await nudge(args.map((a) => (a === 'cold-mail.json' ? 'broken.json' : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broken.json: invalid, 3 errors, 1 warning\n');
    expect(result.stderr).toContain('bad-events.json: [2].at is not an ISO 8601 time');
    expect(result.stderr).not.toContain('is not a node of the sequence');
  });

  it('exits 1 with the reason when the simulator refuses the sequence', async () => {
    const result = await nudge(
      simulateArgs().map((a) => (a === 'cold-mail.json' ? 'no-calendar.json' : a)),
    );
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^nudge simulate: .*no holiday calendar for "ZZ"/);
  });
});

describe('nudge simulate: output', () => {
  it("--json prints the simulator's status, zone and timeline, for the contact and events given", async () => {
    const result = await nudge(simulateArgs('--events', 'events.json', '--json'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['status', 'zone', 'timeline']);
    const direct = simulate({
      sequence: example('cold-mail'),
      contact: JSON.parse(readFileSync(contactFile, 'utf8')),
      events: JSON.parse(readFileSync(eventsFile, 'utf8')).map((event: { at: string }) => ({
        ...event,
        at: new Date(event.at).toISOString(),
      })),
      start: START,
      until: '2027-01-03T05:00:00.000Z',
    });
    expect(printed).toEqual({
      status: direct.status,
      zone: direct.zone,
      timeline: direct.timeline,
    });
    expect(printed.status).toBe('replied');
  });

  it("prints a readable timeline in the contact's local time", async () => {
    const result = await nudge(simulateArgs('--events', 'events.json'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    console.log(
      `nudge simulate cold-mail.json --contact … --events … --start ${START}\n${result.stdout}`,
    );
    expect(result.stdout).toBe(EXPECTED_TIMELINE);
  });
});

/** The cold-mail example for 김민준, enrolled on a Saturday, who replies to the guide. */
const EXPECTED_TIMELINE = [
  'cold-mail.json — 김민준 <minjun@example.com>, Asia/Seoul (UTC+09:00)',
  '2026-01-05 Mon 09:00  send    welcome  email "김민준님, 넛지 김지훈입니다" (deferred from Sat 14:00: weekend)',
  '2026-01-05 Mon 09:00  wait    wait-3d  until Thu 09:00',
  '2026-01-08 Thu 09:00  send    guide    email "한빛상사 팀을 위한 10분 시작 가이드"',
  '2026-01-08 Thu 09:00  wait    wait-6d  until Wed 09:00',
  '2026-01-12 Mon 11:05  exit    wait-6d  replied — the contact replied (guide)',
  'status: replied',
  '',
].join('\n');

/** Real processes: what the shell sees. Few, since each starts Node and tsx (about a second). */
describe.concurrent('nudge simulate as a process', () => {
  const nudgeProcess = (args: string[], input?: string) => {
    const [node, argv] = nodeTs('cli/main.ts', args);
    return runProcess(node, argv, { cwd: files.dir, ...(input !== undefined ? { input } : {}) });
  };

  it('reads the sequence from stdin for `-` and prints JSON', async () => {
    const result = await nudgeProcess(
      [
        'simulate',
        '-',
        '--contact',
        contactFile,
        '--events',
        eventsFile,
        '--start',
        START,
        '--json',
      ],
      readExample('cold-mail'),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(result.stdout);
    expect(printed.status).toBe('replied');
    for (const entry of printed.timeline)
      expect(entry).toMatchObject({
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        local: expect.stringMatching(/\+09:00$/),
        node: expect.any(String),
        type: expect.any(String),
        action: expect.stringMatching(/^(send|task|branch|wait|update|exit)$/),
      });
    const welcome = printed.timeline.find((e: { node: string }) => e.node === 'welcome');
    expect(welcome).toMatchObject({ action: 'send', subject: '김민준님, 넛지 김지훈입니다' });
  });

  it('reports the contact file on stderr and exits 2, read from stdin', async () => {
    const result = await nudgeProcess(
      ['simulate', coldMail, '--contact', '-', '--start', START],
      '{"timezone": "KST"}',
    );
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: '<stdin>: "timezone" must be an IANA zone such as "Asia/Seoul"\n',
    });
  });

  it('stops writing quietly into a pipe that closes early, and exits 0', async () => {
    const [node, argv] = nodeTs('cli/main.ts', simulateArgs());
    const child = spawn(node, argv, { cwd: files.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
