import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SettingsSectionProps {
  title: string;
  /** How many problems its fields have: a section with any opens, and says how many. */
  problemCount: number;
  /** Open when first shown (Basics). */
  defaultOpen?: boolean;
  children: ReactNode;
}

/**
 * One collapsible part of the settings (a <details>: keyboard and screen readers know it).
 * Collapsed unless it is Basics or holds a problem; a problem that appears later opens it
 * again, so that no problem of the file hides in a closed section. A section's fields are
 * made when it is first opened (the panel opens faster: the holiday list alone has 200
 * countries), then kept, so that what is typed in them survives closing it.
 */
export function SettingsSection({
  title,
  problemCount,
  defaultOpen = false,
  children,
}: SettingsSectionProps) {
  const { t } = useTranslation();
  const hasProblems = problemCount > 0;
  const [open, setOpen] = useState(defaultOpen || hasProblems);
  const [opened, setOpened] = useState(open);
  useEffect(() => {
    if (hasProblems) setOpen(true);
  }, [hasProblems]);
  useEffect(() => {
    if (open) setOpened(true);
  }, [open]);
  return (
    <details
      className="settings-section"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="settings-section__summary">
        <h3 className="settings-section__title">{title}</h3>
        {hasProblems && (
          <span className="settings-section__problems" data-testid="section-problems">
            {t('settings.sectionProblems', { count: problemCount })}
          </span>
        )}
      </summary>
      <div className="settings-section__body">{(open || opened) && children}</div>
    </details>
  );
}
