import { documentLife, openPreview, resetContactChoice } from '@nudge/editor';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { freshPage } from '../app/page-support.ts';

/*
 * The Preview stories' page: the whole editor with a Korean welcome sequence open (an email,
 * an SMS and an AlimTalk step), as from the server, the preview closed and the samples chosen.
 */

export const ID = 'welcome';

export function welcome(overrides: { emailBody?: string } = {}) {
  return {
    format: 'nudge.sequence/v1',
    id: ID,
    name: '신규 고객 환영',
    settings: {
      sender: { name: '넛지 김지훈', email: 'jihoon@nudge.example' },
      variables: { 고객명: 'contact.name' },
    },
    nodes: [
      {
        id: 'start',
        type: 'entry',
        data: { triggers: [{ kind: 'manual' }] },
        position: { x: 0, y: 0 },
      },
      {
        id: 'hello',
        type: 'email',
        data: {
          subject: '{{고객명}}님, 안녕하세요',
          body:
            overrides.emailBody ??
            '<h1 style="color:#1e40af">환영합니다</h1><p>{{ contact.company | default: "귀사" }}의 도입을 환영합니다.</p><p><a href="https://nudge.example/start">시작하기</a></p>',
          format: 'html',
          mode: 'auto',
        },
        position: { x: 0, y: 160 },
      },
      {
        id: 'remind',
        type: 'sms',
        data: {
          body: '{{ 고객명 | default: "고객" }}님, 내일 오후 2시 미팅을 잊지 마세요.',
          mode: 'auto',
        },
        position: { x: 0, y: 320 },
      },
      {
        id: 'notice',
        type: 'kakao',
        data: {
          templateCode: 'WELCOME_01',
          body: '{{ 고객명 | default: "고객" }}님, 가입이 완료되었습니다.',
          buttons: [{ name: '시작하기', url: 'https://nudge.example/s/{{ contact.id }}' }],
          fallbackSms: '{{ 고객명 | default: "고객" }}님, 가입이 완료되었습니다.',
          mode: 'auto',
        },
        position: { x: 0, y: 480 },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hello' },
      { id: 'e2', source: 'hello', target: 'remind' },
      { id: 'e3', source: 'remind', target: 'notice' },
    ],
  };
}

/** Before a story: a fresh page, the samples, the preview closed. */
export function previewPage() {
  const after = freshPage();
  resetContactChoice();
  openPreview(false);
  return async () => {
    openPreview(false);
    resetContactChoice();
    await after();
  };
}

/** Opens the welcome sequence (as saved on the server when `onServer`). */
export function openWelcome(onServer: boolean, overrides: { emailBody?: string } = {}) {
  documentLife.open(
    `${ID}.json`,
    welcome(overrides),
    onServer ? { origin: { id: ID, revision: 1 }, saved: true } : {},
  );
}

/** Selects a step on the canvas and opens the Preview from the step settings. */
export async function previewStep(canvasElement: HTMLElement, stepId: string, button = 'Preview') {
  const page = within(canvasElement);
  const card = await waitFor(
    () => {
      const found = canvasElement.querySelector(`.react-flow__node[data-id="${stepId}"]`);
      if (!found) throw new Error(`no step ${stepId} on the canvas`);
      return found as HTMLElement;
    },
    { timeout: 5000 },
  );
  await userEvent.click(card);
  const settings = await page.findByTestId('step-settings');
  await waitFor(() => expect(settings).toHaveAttribute('data-step-id', stepId));
  const toggle = within(settings).getByRole('button', { name: button });
  if (toggle.getAttribute('aria-pressed') !== 'true') await userEvent.click(toggle);
  // The first preview loads runtime core (Liquid, zones, calendars): slow on a loaded machine.
  const panel = await page.findByTestId('preview-panel', {}, { timeout: 30_000 });
  await waitFor(() => expect(within(panel).queryByText('Loading the preview…')).toBeNull(), {
    timeout: 30_000,
  });
  return within(panel);
}
