import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/**
 * A Korean marketer builds the branching follow-up with the keyboard alone, through the real
 * `pnpm start` in Chromium: entry → email → wait for it to be opened (3 days) → met: an
 * AlimTalk with an SMS fallback; timeout: a follow-up in the thread → a call task. Then undo
 * and redo, Save (Ctrl+S, the token typed), Publish (the dialog driven by its keys), and the
 * published version read back through the API.
 *
 * Nothing is clicked: every action is `page.keyboard`, and focus moves only by Tab and
 * Shift+Tab from the page as loaded (focus starts on the document; no `page.focus`), or by
 * what the editor does with it (a dialog, a new step, Escape from the settings). The UI is
 * switched to Korean first, by its button, and the controls are found by their Korean names
 * (editor/src/i18n/). Any page or console error fails (support/page.ts).
 */
const builder = builderPage();
const { node, nodeIds } = builder;
/** The step settings, by their Korean name. */
const panel = () => builder.page.getByRole('region', { name: '단계 설정' });

/** The element has keyboard focus. */
const hasFocus = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 });

/** What has focus, said for a failure's message. */
const focusedText = () =>
  builder.page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'the page (body)';
    const labelledBy = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      (labelledBy && document.getElementById(labelledBy)?.textContent) ??
      el.textContent?.trim().slice(0, 40) ??
      '';
    return `${el.tagName.toLowerCase()} "${name}"`;
  });

/**
 * Tab (or Shift+Tab) until `target` has focus, as a person does; fails past `most` presses,
 * saying where focus went: a control too far away is a finding, as one out of reach is.
 */
async function tabTo(target: Locator, { back = false, most = 40 } = {}): Promise<number> {
  const path: string[] = [];
  for (let presses = 1; presses <= most; presses++) {
    await builder.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await hasFocus(target).catch(() => false)) return presses;
    path.push(await focusedText());
  }
  throw new Error(
    `${back ? 'Shift+Tab' : 'Tab'} did not reach ${target} in ${most}:\n${path.join('\n')}`,
  );
}

/** Focus is on `target` (now, or once the editor has moved it there). */
async function expectFocus(target: Locator): Promise<void> {
  await expect.poll(() => hasFocus(target).catch(() => false)).toBe(true);
}

/** "/" on the focused step: the step search, the query typed, Enter inserts; the new step has focus. */
async function insertWithSearch(query: string, id: string): Promise<void> {
  const { page } = builder;
  await page.keyboard.press('/');
  await expectFocus(page.getByRole('combobox', { name: '단계 검색' }));
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await expectFocus(node(id));
  await expect.poll(() => node(id).getAttribute('class')).toContain('selected');
}

/** The step settings' field, by its Korean label. */
const field = (name: string, role: 'textbox' | 'combobox' = 'textbox') =>
  panel().getByRole(role, { name, exact: true });

describe('building a sequence from nothing with the keyboard alone, in Korean', () => {
  it('builds the branching follow-up, undoes and redoes, saves with Ctrl+S and publishes version 1', {
    timeout: 120_000,
  }, async () => {
    const { page } = builder;
    const name = `키보드 체험판 후속 ${Date.now()}`;

    // The language first: Tab to 한국어 in the toolbar, Enter.
    await tabTo(page.getByTestId('language-ko'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');

    // 새 시퀀스: its dialog opens on the name; Enter creates it.
    await tabTo(page.getByRole('button', { name: '새 시퀀스' }), { back: true });
    await page.keyboard.press('Enter');
    await expectFocus(page.getByLabel('이름', { exact: true }));
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect.poll(nodeIds).toEqual(['start']);

    // The entry, then "/" and the step search: an email after it, focused.
    await tabTo(node('start'));
    await insertWithSearch('이메일', 'email-1');
    // Its settings are a few Tabs away (past the canvas's zoom buttons).
    await tabTo(field('제목'), { most: 12 });
    await page.keyboard.type('{{ contact.name }}님, 체험판을 시작해 보세요');
    // Past the body's "변수 넣기" (Insert variable) button.
    await tabTo(field('본문'), { most: 2 });
    await page.keyboard.type('체험판이 준비되었습니다. 궁금한 점은 이 메일에 답장해 주세요.');

    // Escape in the settings goes back to the step on the canvas.
    await page.keyboard.press('Escape');
    await expectFocus(node('email-1'));
    await insertWithSearch('반응 대기', 'wait-for-1');
    await tabTo(field('대상 메시지', 'combobox'), { most: 12 });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => field('대상 메시지', 'combobox').inputValue()).toBe('email-1');
    await tabTo(panel().getByRole('spinbutton', { name: '기간' }).or(field('기간')), { most: 6 });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await expectFocus(field('단위', 'combobox'));
    await expect.poll(() => field('단위', 'combobox').inputValue()).toBe('days');
    await panel().screenshot({ path: artifact('builder-keyboard-wait-for-settings-ko.png') });

    // The timeout branch first, chosen in the step's menu (Shift+F10): "/" would take the
    // first free branch, "met".
    await page.keyboard.press('Escape');
    await expectFocus(node('wait-for-1'));
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: '단계 메뉴' });
    await expectFocus(menu.getByRole('menuitem', { name: '“충족” 뒤에 단계 넣기…' }));
    await page.keyboard.press('ArrowDown');
    await expectFocus(menu.getByRole('menuitem', { name: '“시간 초과” 뒤에 단계 넣기…' }));
    await page.screenshot({ path: artifact('builder-keyboard-branch-menu-ko.png') });
    await page.keyboard.press('Enter');
    await expectFocus(page.getByRole('combobox', { name: '단계 검색' }));
    await page.keyboard.type('이메일');
    await page.keyboard.press('Enter');
    await expectFocus(node('email-2'));
    // No subject: a reply in the thread of the first email.
    await tabTo(field('본문'), { most: 12 });
    expect(await field('제목').inputValue()).toBe('');
    await page.keyboard.type('지난 메일은 확인해 보셨나요? 통화 일정을 잡아 드릴게요.');
    await page.keyboard.press('Escape');
    await expectFocus(node('email-2'));
    await insertWithSearch('할 일', 'task-1');
    await tabTo(field('제목'), { most: 12 });
    expect(await field('종류', 'combobox').inputValue()).toBe('call');
    await page.keyboard.type('{{ contact.name }}님께 전화');

    // Back up the path to the wait: its one free branch, "met", takes the AlimTalk.
    await page.keyboard.press('Escape');
    await expectFocus(node('task-1'));
    await tabTo(node('wait-for-1'), { back: true, most: 4 });
    await insertWithSearch('알림톡', 'kakao-1');
    await tabTo(field('템플릿 코드'), { most: 12 });
    await page.keyboard.type('WELCOME_01');
    await tabTo(field('내용'), { most: 2 });
    await page.keyboard.type('#{고객명}님, 체험이 시작되었습니다.');
    await tabTo(field('대체 문자'), { most: 3 });
    await page.keyboard.type('체험이 시작되었습니다.');

    await expect
      .poll(nodeIds)
      .toEqual(['start', 'email-1', 'wait-for-1', 'email-2', 'task-1', 'kakao-1']);
    await expect.poll(() => page.getByTestId('error-count').textContent()).toBe('오류 0개');
    await panel().screenshot({ path: artifact('builder-keyboard-kakao-settings-ko.png') });
    // Back on the canvas, Shift+1 fits the whole sequence in the view.
    await page.keyboard.press('Escape');
    await expectFocus(node('kakao-1'));
    await page.keyboard.press('Shift+Digit1');
    await page.waitForTimeout(400); // the view's animation
    await page.screenshot({ path: artifact('builder-built-by-keyboard-ko.png') });

    // Undo and redo by their keys, from the canvas: the fallback text, then a step inserted.
    await page.keyboard.press('Control+z');
    await expect.poll(() => field('대체 문자').textContent()).toBe('');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => field('대체 문자').textContent()).toBe('체험이 시작되었습니다.');
    await insertWithSearch('종료', 'exit-1');
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds).not.toContain('exit-1');
    // The focused step went with the undo: focus is on the step before it, not lost.
    await expectFocus(node('kakao-1'));
    await page.keyboard.press('Control+y');
    await expect.poll(nodeIds).toContain('exit-1');
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds).not.toContain('exit-1');
    await expectFocus(node('kakao-1'));

    // Save: Ctrl+S asks for the API token, typed, Enter; focus comes back to the step.
    await page.keyboard.press('Control+s');
    await expectFocus(page.getByLabel('API 토큰', { exact: true }));
    await page.keyboard.type(inject('apiToken'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('header.app__bar').textContent()).toContain('저장됨');
    await expectFocus(node('kakao-1'));

    // Publish: Shift+Tab up to 게시, Enter; the dialog opens on Cancel, Tab to Publish.
    await tabTo(page.getByRole('button', { name: '게시', exact: true }), { back: true });
    await page.keyboard.press('Enter');
    const publish = page.getByTestId('publish-dialog');
    const confirm = publish.getByRole('button', { name: '버전 1 게시' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await expectFocus(publish.getByRole('button', { name: '취소' }));
    await tabTo(confirm, { most: 3 });
    await page.screenshot({ path: artifact('builder-keyboard-publish-ko.png') });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => publish.getByTestId('publish-result').getAttribute('data-version'))
      .toBe('1');
    await expectFocus(publish.getByRole('button', { name: '완료' }));
    expect(await publish.getByTestId('publish-result').textContent()).toContain(
      '버전 1 게시를 마쳤습니다.',
    );
    await page.screenshot({ path: artifact('builder-keyboard-published-ko.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => publish.count()).toBe(0);
    await expectFocus(page.getByRole('button', { name: '게시', exact: true }));

    // The API has version 1, and it is the sequence built here.
    const api = async (path: string) => {
      const response = await fetch(new URL(path, inject('baseUrl')), {
        headers: { authorization: `Bearer ${inject('apiToken')}` },
      });
      expect(response.status, path).toBe(200);
      return response.json();
    };
    const { sequences } = (await api('/api/sequences')) as {
      sequences: Array<{ id: string; name: string; publishedVersion: number | null }>;
    };
    const saved = sequences.find((s) => s.name === name);
    expect(saved?.publishedVersion).toBe(1);
    const preview = (await api(`/api/sequences/${saved?.id}/publish-preview`)) as {
      published: { version: number; definition: Definition } | null;
    };
    expect(preview.published?.version).toBe(1);
    const definition = preview.published?.definition as Definition;
    expect(definition.name).toBe(name);
    const data = Object.fromEntries(definition.nodes.map((n) => [n.id, n.data]));
    expect(data).toMatchObject({
      'email-1': {
        subject: '{{ contact.name }}님, 체험판을 시작해 보세요',
        body: '체험판이 준비되었습니다. 궁금한 점은 이 메일에 답장해 주세요.',
      },
      'wait-for-1': {
        rule: { event: 'opened', node: 'email-1' },
        timeout: { amount: 3, unit: 'days' },
      },
      'kakao-1': {
        templateCode: 'WELCOME_01',
        body: '#{고객명}님, 체험이 시작되었습니다.',
        fallbackSms: '체험이 시작되었습니다.',
      },
      'email-2': { body: '지난 메일은 확인해 보셨나요? 통화 일정을 잡아 드릴게요.' },
      'task-1': { kind: 'call', title: '{{ contact.name }}님께 전화' },
    });
    // No subject (the file leaves an empty one out): a reply in the thread.
    expect((data['email-2'] as { subject?: string }).subject ?? '').toBe('');
    expect(
      definition.edges
        .map((e) => `${e.source}${e.sourceHandle ? `(${e.sourceHandle})` : ''}>${e.target}`)
        .sort(),
    ).toEqual(
      [
        'start>email-1',
        'email-1>wait-for-1',
        'wait-for-1(met)>kakao-1',
        'wait-for-1(timeout)>email-2',
        'email-2>task-1',
      ].sort(),
    );
  });
});

interface Definition {
  name: string;
  nodes: Array<{ id: string; type: string; data: unknown }>;
  edges: Array<{ source: string; target: string; sourceHandle?: string }>;
}
