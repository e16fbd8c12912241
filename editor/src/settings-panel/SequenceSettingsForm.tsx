import type { Settings } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import { AdvertisingFields } from './AdvertisingFields.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { EnrollmentFields } from './EnrollmentFields.tsx';
import { ExitFields } from './ExitFields.tsx';
import { HolidayFields } from './HolidayFields.tsx';
import { leftoverProblems, POINTERS, problemsUnder } from './pointers.ts';
import { aliasesIn, readBasics, readSettings } from './read-settings.ts';
import { ScheduleFields } from './ScheduleFields.tsx';
import { SenderFields } from './SenderFields.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { withSetting } from './settings-edit.ts';
import { TimeZoneField } from './TimeZoneField.tsx';
import { TrackingFields } from './TrackingFields.tsx';
import type { SectionProps, SequenceSettingsFormProps } from './types.ts';
import { VariableAliases } from './VariableAliases.tsx';
import './settings-panel.css';

/** Each section and the pointers whose problems it shows. */
const SECTIONS = {
  basics: [POINTERS.name, POINTERS.description, POINTERS.timezone, POINTERS.useContactTimezone],
  schedule: [POINTERS.schedule],
  holidays: [POINTERS.holidays],
  sender: [POINTERS.sender],
  exit: [POINTERS.exit],
  enrollment: [POINTERS.enrollment],
  tracking: [POINTERS.tracking],
  advertising: [POINTERS.advertising, POINTERS.unsubscribeFooter],
  variables: [POINTERS.variables],
} as const;

type SectionName = keyof typeof SECTIONS;

/**
 * The sequence settings (FORMAT.md §2) with its name and description, in collapsible
 * sections. It writes the format's shape and leaves out every value equal to its default;
 * each field shows the live validator's problems for its pointer.
 */
export function SequenceSettingsForm({
  sequence,
  problems,
  onChange,
  context,
}: SequenceSettingsFormProps) {
  const { t } = useTranslation();
  const settings = sequence.settings;
  const basics = readBasics(sequence);
  const view = readSettings(settings);
  const write = (next: Settings | undefined, field: string) => onChange({ settings: next }, field);
  const section = (name: SectionName) => problemsUnder(problems, SECTIONS[name]);
  const props = (name: SectionName): SectionProps => ({
    settings,
    problems: section(name),
    write,
  });
  const ruleContext = { steps: context.steps, variables: aliasesIn(settings) };
  // Settings that are no object, or a setting the format doesn't have: said at the top.
  const elsewhere = leftoverProblems(problems, POINTERS.settings, Object.values(SECTIONS).flat());

  return (
    <div className="settings-form" data-testid="sequence-settings">
      {elsewhere.length > 0 && (
        <div className="settings-form__problems" data-testid="settings-problems">
          <p className="field__label">{t('settings.fileProblems')}</p>
          <ProblemList problems={elsewhere} />
        </div>
      )}
      <SettingsSection
        title={t('settings.sections.basics')}
        problemCount={section('basics').length}
        defaultOpen
      >
        <Field
          label={t('settings.name.label')}
          hint={t('settings.name.hint')}
          problems={problemsAt(problems, POINTERS.name)}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              autoComplete="off"
              maxLength={200}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={basics.name}
              onChange={(e) => onChange({ name: e.currentTarget.value }, 'name')}
            />
          )}
        </Field>
        <Field
          label={t('settings.description.label')}
          hint={t('settings.description.hint')}
          problems={problemsAt(problems, POINTERS.description)}
        >
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={2}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={basics.description}
              onChange={(e) => {
                const text = e.currentTarget.value;
                onChange({ description: text === '' ? undefined : text }, 'description');
              }}
            />
          )}
        </Field>
        <TimeZoneField
          value={view.timezone}
          problems={problemsAt(problems, POINTERS.timezone)}
          onChange={(zone) => write(withSetting(settings, 'timezone', zone), 'timezone')}
        />
        <CheckboxField
          label={t('settings.useContactTimezone.label')}
          hint={t('settings.useContactTimezone.hint')}
          checked={view.useContactTimezone}
          problems={problemsAt(problems, POINTERS.useContactTimezone)}
          onChange={(on) =>
            write(withSetting(settings, 'useContactTimezone', on), 'useContactTimezone')
          }
        />
      </SettingsSection>
      <SettingsSection
        title={t('settings.sections.schedule')}
        problemCount={section('schedule').length}
      >
        <ScheduleFields {...props('schedule')} />
      </SettingsSection>
      <SettingsSection
        title={t('settings.sections.holidays')}
        problemCount={section('holidays').length}
      >
        <HolidayFields {...props('holidays')} />
      </SettingsSection>
      <SettingsSection
        title={t('settings.sections.sender')}
        problemCount={section('sender').length}
      >
        <SenderFields {...props('sender')} />
      </SettingsSection>
      <SettingsSection title={t('settings.sections.exit')} problemCount={section('exit').length}>
        <ExitFields {...props('exit')} context={ruleContext} />
      </SettingsSection>
      <SettingsSection
        title={t('settings.sections.enrollment')}
        problemCount={section('enrollment').length}
      >
        <EnrollmentFields {...props('enrollment')} />
      </SettingsSection>
      <SettingsSection
        title={t('settings.sections.tracking')}
        problemCount={section('tracking').length}
      >
        <TrackingFields {...props('tracking')} />
      </SettingsSection>
      <SettingsSection
        title={t('advertising.section')}
        problemCount={section('advertising').length}
      >
        <AdvertisingFields {...props('advertising')} />
      </SettingsSection>
      <SettingsSection
        title={t('settings.sections.variables')}
        problemCount={section('variables').length}
      >
        <VariableAliases {...props('variables')} />
      </SettingsSection>
    </div>
  );
}
