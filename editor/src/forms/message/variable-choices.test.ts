import { describe, expect, it } from 'vitest';
import { attributesIn, matchChoices, variableChoices, variableTag } from './variable-choices.ts';

const names = (choices: readonly { name: string }[]) => choices.map((c) => c.name);

describe('variableChoices', () => {
  it("groups the contact's fields, the attributes in use, the aliases and the links", () => {
    const choices = variableChoices({
      aliases: { 만료일: 'contact.attributes.renewal', 고객명: 'contact.attributes.nickname' },
      attributes: ['plan', 'renewal', 'plan'],
    });
    expect(names(choices.filter((c) => c.group === 'fields'))).toEqual([
      'contact.name',
      'contact.email',
      'contact.phone',
      'contact.company',
      'contact.title',
      'contact.timezone',
      'contact.locale',
      'contact.id',
      'owner.name',
      'owner.email',
      'owner.phone',
      'sender.name',
      'sender.email',
      'sequence.name',
    ]);
    expect(names(choices.filter((c) => c.group === 'attributes'))).toEqual([
      'contact.attributes.plan',
      'contact.attributes.renewal',
    ]);
    // The sequence's alias overrides the built-in one of the same name.
    expect(choices.filter((c) => c.group === 'aliases')).toEqual([
      { name: '고객명', group: 'aliases', path: 'contact.attributes.nickname' },
      { name: '회사명', group: 'aliases', path: 'contact.company' },
      { name: '직함', group: 'aliases', path: 'contact.title' },
      { name: '담당자명', group: 'aliases', path: 'owner.name' },
      { name: '만료일', group: 'aliases', path: 'contact.attributes.renewal' },
    ]);
  });

  it('offers the links (the unsubscribe URL) only when asked: emails have them, texts do not', () => {
    const links = (on: boolean) =>
      names(
        variableChoices({ aliases: {}, attributes: [], links: on }).filter(
          (c) => c.group === 'links',
        ),
      );
    expect(links(true)).toEqual(['unsubscribe_url']);
    expect(links(false)).toEqual([]);
  });

  it('ignores an alias that is not a path or that names a root of the context', () => {
    const choices = variableChoices({
      aliases: { broken: 42, contact: 'owner.name' },
      attributes: [],
    });
    expect(names(choices)).not.toContain('broken');
    expect(choices.filter((c) => c.name === 'contact')).toEqual([]);
  });
});

describe('attributesIn', () => {
  it('finds the attribute keys read anywhere in a sequence, once each, sorted', () => {
    const sequence = {
      settings: { variables: { 만료일: 'contact.attributes.renewal_date' } },
      nodes: [
        {
          data: {
            body: '{{ contact.attributes.plan | default: "Free" }} {{contact.attributes.플랜}}',
          },
        },
        { data: { rule: { field: 'contact.attributes.plan', op: 'eq', value: 'pro' } } },
      ],
    };
    expect(attributesIn(sequence)).toEqual(['plan', 'renewal_date', '플랜']);
    expect(attributesIn(null)).toEqual([]);
  });
});

describe('matchChoices', () => {
  const choices = variableChoices({ aliases: {}, attributes: ['plan'] });
  const describe = (c: { name: string }) => (c.name === 'contact.name' ? 'Name 이름' : '');

  it('matches every word of the search against name, path and description', () => {
    expect(names(matchChoices(choices, 'owner EMAIL', describe))).toEqual(['owner.email']);
    expect(names(matchChoices(choices, '이름', describe))).toEqual(['contact.name']);
    // An alias matches by the path it reads.
    expect(names(matchChoices(choices, 'contact.company', describe))).toEqual([
      'contact.company',
      '회사명',
    ]);
    expect(matchChoices(choices, '  ', describe)).toHaveLength(choices.length);
    expect(matchChoices(choices, 'nothing-like-this', describe)).toEqual([]);
  });
});

describe('variableTag', () => {
  it('writes the variable as a Liquid output', () => {
    expect(variableTag({ name: '고객명' })).toBe('{{ 고객명 }}');
  });
});
