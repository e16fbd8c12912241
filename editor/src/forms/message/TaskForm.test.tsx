import { act } from 'react';
import { describe, expect, it } from 'vitest';
import {
  byLabel,
  enter,
  problemsBeside,
  problemsOf,
  renderForm,
} from './render-form.test-support.tsx';
import { TaskForm } from './TaskForm.tsx';

const NEW_TASK = { kind: 'call', title: '' };

describe('TaskForm', () => {
  it('writes kind, title and note; an emptied note is left out', () => {
    const form = renderForm(TaskForm, 'task', NEW_TASK);
    enter(byLabel(form.host, 'Kind'), 'manual_email');
    expect(form.last()).toEqual({ data: { kind: 'manual_email', title: '' }, field: 'kind' });
    enter(byLabel(form.host, 'Title'), '{{고객명}}님께 전화');
    expect(form.last()?.data.title).toBe('{{고객명}}님께 전화');
    enter(byLabel<HTMLTextAreaElement>(form.host, 'Note'), '견적서 확인 여부');
    expect(form.last()).toEqual({
      data: { kind: 'manual_email', title: '{{고객명}}님께 전화', note: '견적서 확인 여부' },
      field: 'note',
    });
    enter(byLabel<HTMLTextAreaElement>(form.host, 'Note'), '');
    expect(form.last()?.data).toEqual({ kind: 'manual_email', title: '{{고객명}}님께 전화' });
  });

  it("assigns the contact's owner, or someone by email address", () => {
    const form = renderForm(TaskForm, 'task', NEW_TASK);
    const assignee = byLabel<HTMLSelectElement>(form.host, 'Assignee');
    expect(assignee.value).toBe('owner');
    expect(() => byLabel(form.host, 'Assignee’s email address')).toThrow();
    enter(assignee, 'email');
    expect(form.last()).toEqual({ data: { ...NEW_TASK, assignee: '' }, field: 'assignee' });
    enter(byLabel(form.host, 'Assignee’s email address'), 'minji@acme.kr');
    expect(form.last()?.data.assignee).toBe('minji@acme.kr');
    enter(assignee, 'owner');
    expect(form.last()?.data.assignee).toBe('owner');
  });

  it('waits for completion when ticked, and leaves it out when not', () => {
    const form = renderForm(TaskForm, 'task', NEW_TASK);
    const wait = byLabel(form.host, 'Wait for completion');
    expect(wait.type).toBe('checkbox');
    act(() => wait.click());
    expect(form.last()).toEqual({
      data: { ...NEW_TASK, waitForCompletion: true },
      field: 'waitForCompletion',
    });
    act(() => wait.click());
    expect(form.last()?.data).toEqual(NEW_TASK);
  });

  it('shows the problems of a wrong assignee beside the address, and of junk at the top', () => {
    const data = { kind: 'call', title: '', assignee: 'bob', priority: 'high' };
    const { host } = renderForm(TaskForm, 'task', data, { problems: problemsOf('task', data) });
    expect(problemsBeside(byLabel(host, 'Title'))).toEqual(['invalid_value']);
    expect(problemsBeside(byLabel(host, 'Assignee’s email address'))).toEqual(['invalid_value']);
    expect(problemsBeside(byLabel(host, 'Assignee'))).toEqual([]);
    const top = [...host.querySelectorAll('.step-problems [data-code]')].map((p) =>
      p.getAttribute('data-code'),
    );
    expect(top).toEqual(['unknown_property']);
  });
});
