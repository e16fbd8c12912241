import type { FormContext } from '../../types.ts';

/** The step types that send a message, whose events (opened, clicked...) a rule can name. */
const SENDING = ['email', 'sms', 'kakao'] as const;
type Sending = (typeof SENDING)[number];

export const messageSteps = (context: FormContext) =>
  context.steps.filter((s): s is { id: string; type: Sending } =>
    (SENDING as readonly string[]).includes(s.type),
  );
