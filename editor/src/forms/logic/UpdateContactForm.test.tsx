import { act } from 'react';
import { describe, expect, it } from 'vitest';
import {
  button,
  byLabel,
  choose,
  click,
  optionTexts,
  problemCodes,
  problemsOfStep,
  renderStepForm,
  type,
} from './test-render.test-support.tsx';
import { UpdateContactForm } from './UpdateContactForm.tsx';

describe('UpdateContactForm', () => {
  it('sets fields, typed, by row; offers only fields a step may set', () => {
    const { host, current } = renderStepForm(UpdateContactForm, 'update_contact', {});
    expect(host.textContent).toContain('this step does nothing yet');
    click(button(host, '+ Add field to set'));
    expect(current()).toEqual({ set: { 'contact.name': '' } });
    const field = byLabel(host, 'Field');
    expect(optionTexts(field)).not.toContain('Tags');
    expect(optionTexts(field)).not.toContain('Unsubscribed');
    choose(field, '@attribute');
    type(byLabel(host, 'Attribute name'), 'score');
    choose(byLabel(host, 'Type of value'), 'number');
    type(byLabel(host, 'New value'), '80');
    expect(current()).toEqual({ set: { 'contact.attributes.score': 80 } });

    click(button(host, '+ Add field to set'));
    choose(byLabel(host, 'Field', 1), 'contact.company');
    type(byLabel(host, 'New value', 1), '넛지랩');
    choose(byLabel(host, 'Type of value', 0), 'null');
    expect(current()).toEqual({
      set: { 'contact.attributes.score': null, 'contact.company': '넛지랩' },
    });
    click(button(host, 'Remove field 1'));
    click(button(host, 'Remove field 1'));
    // An empty set is left out, not written as {} (which the format refuses).
    expect(current()).toEqual({});
  });

  it('refuses to set one field twice, with a note, and keeps the first', () => {
    const data = { set: { 'contact.title': 'CEO', 'contact.company': 'Acme' } };
    const { host, current } = renderStepForm(UpdateContactForm, 'update_contact', data);
    choose(byLabel(host, 'Field', 1), 'contact.title');
    expect(current()).toEqual(data);
    expect(host.textContent).toContain('This field is set above already.');
  });

  it('adds and removes tags, Enter or the button, no tag twice', () => {
    const { host, current } = renderStepForm(UpdateContactForm, 'update_contact', {
      removeTags: ['lead'],
    });
    const tag = byLabel(host, 'Tag');
    type(tag, '고객');
    click(button(host, '+ Add tag'));
    type(tag, 'vip');
    act(() => {
      tag.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(current()).toEqual({ removeTags: ['lead'], addTags: ['고객', 'vip'] });
    expect(tag.value).toBe('');
    // A tag already there is not added twice.
    type(tag, 'vip');
    click(button(host, '+ Add tag'));
    expect(current()).toEqual({ removeTags: ['lead'], addTags: ['고객', 'vip'] });
    click(button(host, 'Remove tag lead'));
    expect(current()).toEqual({ addTags: ['고객', 'vip'] });
  });

  it('shows the validator’s problems beside their rows and lists', () => {
    const data = { set: { 'contact.tags': 'x' }, addTags: [''] };
    const { host } = renderStepForm(
      UpdateContactForm,
      'update_contact',
      data,
      problemsOfStep('update_contact', data),
    );
    const row = byLabel<HTMLElement>(host, 'Field 1');
    expect(problemCodes(row)).toEqual(['invalid_value', 'invalid_value']);
    expect(row.textContent).toContain('not a writable contact path');
    const addTags = byLabel(host, 'Tag').closest('fieldset') as HTMLElement;
    expect(problemCodes(addTags)).toEqual(['invalid_value']);
  });
});
