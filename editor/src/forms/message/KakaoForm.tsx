import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplatePicker } from '../../templates/TemplatePicker.tsx';
import { Field } from '../Field.tsx';
import type { StepFormProps } from '../types.ts';
import { controlProps } from './controls.ts';
import { KakaoButtons } from './KakaoButtons.tsx';
import { withOptional } from './read.ts';
import { SendingField } from './SendingField.tsx';
import { StepProblems } from './StepProblems.tsx';
import { type KakaoData, readKakao } from './step-data.ts';
import { fieldProblems, problemsBesideNoField } from './step-problems.ts';
import { TemplateField } from './TemplateField.tsx';
import { useMergeCompletions } from './use-merge-completions.ts';
import { useVariableChoices } from './use-variable-choices.ts';

const FIELDS = ['templateCode', 'body', 'buttons', 'fallbackSms', 'mode'] as const;

/** A KakaoTalk AlimTalk message: its approved template, text, buttons and fallback SMS. */
export function KakaoForm({ step, pointer, problems, onChange, context }: StepFormProps<'kakao'>) {
  const { t } = useTranslation();
  const kakao = readKakao(step.data);
  const completions = useMergeCompletions(context.variables);
  const variables = useVariableChoices(context);
  const at = (field: string) => fieldProblems(problems, pointer, field);
  const set = <K extends keyof KakaoData>(field: K, value: KakaoData[K]) =>
    onChange({ ...kakao, [field]: value }, field);
  // Keyed by the step: another step gets fresh fields (the editor's own undo history too).
  return (
    <Fragment key={step.id}>
      <TemplatePicker
        channel="kakao"
        data={kakao}
        onChange={(next) => onChange(next, 'template')}
      />
      <StepProblems problems={problemsBesideNoField(problems, pointer, FIELDS)} />
      <Field
        label={t('forms.kakao.templateCode')}
        hint={t('forms.kakao.templateCodeHint')}
        problems={at('templateCode')}
      >
        {(control) => (
          <input
            {...controlProps(control)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={kakao.templateCode}
            onChange={(event) => set('templateCode', event.target.value)}
          />
        )}
      </Field>
      <TemplateField
        label={t('forms.kakao.text')}
        hint={t('forms.kakao.textHint')}
        value={kakao.body}
        onChange={(body) => set('body', body)}
        problems={at('body')}
        completions={completions}
        variables={variables}
      />
      <KakaoButtons
        buttons={kakao.buttons ?? []}
        pointer={`${pointer}/data/buttons`}
        problems={at('buttons')}
        onChange={(buttons, field) => onChange(withOptional(kakao, 'buttons', buttons), field)}
      />
      <TemplateField
        label={t('forms.kakao.fallbackSms')}
        hint={t('forms.kakao.fallbackSmsHint')}
        value={kakao.fallbackSms ?? ''}
        onChange={(text) => onChange(withOptional(kakao, 'fallbackSms', text), 'fallbackSms')}
        problems={at('fallbackSms')}
        completions={completions}
        variables={variables}
        smsSize
      />
      <SendingField
        mode={kakao.mode}
        problems={at('mode')}
        onChange={(mode) => set('mode', mode)}
      />
    </Fragment>
  );
}
