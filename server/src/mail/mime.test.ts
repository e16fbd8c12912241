import { captureTransport } from '@nudge/runtime/worker/delivery';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { headerValue, readBodies, readHeaders } from './mime.ts';

/* Against what the capture transport really writes (nodemailer), and a few hand-made messages. */

const transport = captureTransport();
afterAll(() => transport.close());

async function capture(message: Parameters<typeof transport.send>[0]): Promise<Buffer> {
  const { raw } = await transport.send(message);
  if (!raw) throw new Error('the capture transport returned no message');
  return raw;
}

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('readHeaders and readBodies on nodemailer messages', () => {
  it('reads a Korean subject folded over several encoded-words, the addresses and both bodies', async () => {
    const subject =
      '김민준님, 한빛물류 팀을 위한 10분 시작 가이드입니다. 아주 긴 제목이 여러 단어로 나뉩니다';
    const raw = await capture({
      from: { name: '넛지 김지훈', address: 'team@nudge.example' },
      to: { name: '김민준', address: 'minjun@hanbit.example' },
      subject,
      text: '안녕하세요,\n둘째 줄입니다.',
      html: '<p>안녕하세요 <a href="https://x.example/?a=1&amp;b=2">링크</a></p>',
    });
    const headers = readHeaders(raw);
    expect(headerValue(headers, 'subject')).toBe(subject);
    expect(headerValue(headers, 'From')).toBe('넛지 김지훈 <team@nudge.example>');
    expect(headerValue(headers, 'to')).toBe('김민준 <minjun@hanbit.example>');
    expect(headerValue(headers, 'message-id')).toMatch(/^<.+@nudge\.example>$/);
    expect(headerValue(headers, 'X-Absent')).toBeUndefined();
    expect(readBodies(raw)).toEqual({
      text: '안녕하세요,\n둘째 줄입니다.',
      html: '<p>안녕하세요 <a href="https://x.example/?a=1&amp;b=2">링크</a></p>',
    });
  });

  it('reads a text-only message', async () => {
    const raw = await capture({
      from: 'team@nudge.example',
      to: 'minjun@hanbit.example',
      subject: 'Plain',
      text: 'Just text',
    });
    expect(readBodies(raw)).toEqual({ text: 'Just text', html: null });
    expect(headerValue(readHeaders(raw), 'subject')).toBe('Plain');
  });

  it('gives back any subject and bodies it is given, whatever encoding nodemailer picks', async () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 120 });
    await fc.assert(
      fc.asyncProperty(
        line,
        fc.array(line, { minLength: 1, maxLength: 8 }),
        line,
        async (subject, textLines, html) => {
          const text = textLines.join('\n');
          const raw = await capture({
            from: 'a@nudge.example',
            to: 'b@nudge.example',
            subject,
            text,
            html: `<p>${html}</p>`,
          });
          // Header values are one line: nodemailer turns line breaks in a subject into spaces.
          // Space around it may or may not survive (encoded, it does): it means nothing.
          expect((headerValue(readHeaders(raw), 'subject') ?? '').trim()).toBe(
            subject.replace(/\r?\n|\r/g, ' ').trim(),
          );
          const bodies = readBodies(raw);
          // nodemailer leaves out an empty text part.
          expect(bodies.text ?? '').toBe(text.replace(/\r\n?/g, '\n'));
          expect(bodies.html).toBe(`<p>${html.replace(/\r\n?/g, '\n')}</p>`);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('readBodies on hand-made messages', () => {
  it('decodes quoted-printable with soft line breaks and a legacy charset', () => {
    const raw = crlf([
      'Subject: =?euc-kr?B?sei5zsHY?=',
      'Content-Type: text/plain; charset="euc-kr"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      // 김민준 in EUC-KR, split by a soft line break; trailing spaces added in transport.
      '=B1=E8=B9=CE=  ',
      '=C1=D8 a=3Db',
    ]);
    expect(headerValue(readHeaders(raw), 'subject')).toBe('김민준');
    expect(readBodies(raw)).toEqual({ text: '김민준 a=b', html: null });
  });

  it('finds the bodies in nested multiparts, skipping attachments and other types', () => {
    const raw = crlf([
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      'preamble, ignored',
      '--outer',
      'Content-Type: multipart/alternative; boundary="in ner"',
      '',
      '--in ner',
      '',
      'no headers: text/plain by default',
      '--in ner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<b>굵게</b>').toString('base64'),
      '--in ner--',
      '--outer',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'an attachment, not the body',
      '--outer',
      'Content-Type: image/png',
      '',
      'binary',
      '--outer--',
      'epilogue, ignored',
    ]);
    expect(readBodies(raw)).toEqual({
      text: 'no headers: text/plain by default',
      html: '<b>굵게</b>',
    });
  });

  it('takes what came of a truncated multipart, and LF line ends as well as CRLF', () => {
    const raw = Buffer.from(
      'Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nhello\nthere',
    );
    expect(readBodies(raw)).toEqual({ text: 'hello\nthere', html: null });
    expect(readHeaders(raw)).toEqual([
      { name: 'Content-Type', value: 'multipart/alternative; boundary=b' },
    ]);
  });

  it('survives nesting deeper than any real message, and input that is not mail', () => {
    const levels = Array.from(
      { length: 200 },
      (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`,
    );
    const deep = `${levels.join('')}Content-Type: text/plain\r\n\r\ntoo deep to read`;
    expect(readBodies(Buffer.from(deep))).toEqual({ text: null, html: null });
    expect(readBodies(Buffer.from('just some bytes'))).toEqual({ text: '', html: null });
    expect(readHeaders(Buffer.from(''))).toEqual([]);
  });
});
