import { FORMAT_V1, LIMITS, type Sequence, validateSequence } from '@nudge/schema';
import {
  TEMPLATE_CHANNELS,
  type TemplateChannel,
  type TemplateContent,
  type TemplateInput,
} from '../db/templates.ts';
import { ApiError } from '../errors.ts';
import { isObject } from '../json-body.ts';

/** What a template body is checked against: the sizes, and the content each channel takes. */
export const TEMPLATE_LIMITS = {
  /** Templates one workspace may keep. */
  perWorkspace: 1000,
  nameLength: 100,
  tags: 20,
  tagLength: 64,
  /** A template's body: its content is at most a few Liquid texts of LIMITS.templateBytes. */
  bodyBytes: 1024 * 1024,
} as const;

/** The content of a step of each channel that a template holds: not `mode`, not the sender. */
export const CONTENT_FIELDS: Record<TemplateChannel, readonly string[]> = {
  email: ['subject', 'body', 'format'],
  sms: ['body'],
  kakao: ['templateCode', 'body', 'buttons', 'fallbackSms'],
};

interface Problem {
  pointer: string;
  message: string;
  code?: string;
}

const invalid = (problems: Problem[]) =>
  new ApiError(
    422,
    'invalid_template',
    `the template is not valid: ${problems[0]?.message} (at ${problems[0]?.pointer})`,
    { problems: problems.slice(0, 100) },
  );

export function readChannel(value: unknown, pointer = '/channel'): TemplateChannel {
  if (!TEMPLATE_CHANNELS.includes(value as TemplateChannel))
    throw invalid([{ pointer, message: '"channel" must be "email", "sms" or "kakao"' }]);
  return value as TemplateChannel;
}

/** The name and tags of a body, checked: a name of 1-100 characters, at most 20 distinct tags. */
export function readLabels(body: Record<string, unknown>): { name: string; tags: string[] } {
  const problems: Problem[] = [];
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (name.length < 1 || [...name].length > TEMPLATE_LIMITS.nameLength)
    problems.push({
      pointer: '/name',
      message: `"name" must be a text of 1 to ${TEMPLATE_LIMITS.nameLength} characters`,
    });
  const tags = body.tags ?? [];
  if (
    !Array.isArray(tags) ||
    tags.length > TEMPLATE_LIMITS.tags ||
    !tags.every(
      (t) => typeof t === 'string' && t.trim() !== '' && [...t].length <= TEMPLATE_LIMITS.tagLength,
    )
  )
    problems.push({
      pointer: '/tags',
      message: `"tags" must be at most ${TEMPLATE_LIMITS.tags} texts of 1 to ${TEMPLATE_LIMITS.tagLength} characters`,
    });
  if (problems.length > 0) throw invalid(problems);
  return { name, tags: [...new Set((tags as string[]).map((t) => t.trim()))] };
}

/**
 * The content, checked as the format checks a step of the channel (shape, sizes, Liquid
 * syntax and cost), with the problems' pointers under `/content`. Only the content's own
 * problems count: the template is not in any graph yet.
 */
export function readContent(channel: TemplateChannel, value: unknown): TemplateContent {
  if (!isObject(value))
    throw invalid([{ pointer: '/content', message: '"content" must be an object' }]);
  const allowed = CONTENT_FIELDS[channel];
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw invalid(
      unknown.map((key) => ({
        pointer: `/content/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        message: `a ${channel} template's content takes ${allowed.join(', ')}, not ${JSON.stringify(key)}`,
      })),
    );
  const step = '/nodes/2/data';
  const problems = validateSequence(probe(channel, value))
    .errors.filter((p) => p.pointer.startsWith(`${step}/`) || p.pointer === step)
    .map(({ code, message, pointer }) => ({
      code,
      message,
      pointer: `/content${pointer.slice(step.length)}`,
    }));
  if (problems.length > 0) throw invalid(problems);
  return value;
}

/**
 * A sequence whose last step holds the content, for the validator: an email before it, so
 * that an email template without a subject (a reply in the thread) is one.
 */
function probe(channel: TemplateChannel, content: TemplateContent): Sequence {
  return {
    format: FORMAT_V1,
    id: 'template',
    name: 'template',
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'before',
        type: 'email',
        data: { subject: 's', body: 'b', format: 'text', mode: 'auto' },
      },
      { id: 'step', type: channel, data: { ...content, mode: 'auto' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'before' },
      { id: 'e2', source: 'before', target: 'step' },
    ],
  } as unknown as Sequence;
}

/** A whole template of a POST body (without a starter). */
export function readTemplate(body: Record<string, unknown>): TemplateInput {
  const channel = readChannel(body.channel);
  return { channel, ...readLabels(body), content: readContent(channel, body.content) };
}

/** The largest content one template holds, for the OpenAPI description. */
export const templateTextBytes = LIMITS.templateBytes;
