import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Rarely used fields, folded away under "More options". They open by themselves when one
 * of them gets a value or a problem (when a file is opened, a problem appears, an undo
 * brings a value back), so nothing set or wrong stays hidden; the author may fold them again.
 */
export function MoreOptions({
  hasValue,
  hasProblem,
  children,
}: {
  hasValue: boolean;
  hasProblem: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(hasValue || hasProblem);
  const [seen, setSeen] = useState({ hasValue, hasProblem });
  if (seen.hasValue !== hasValue || seen.hasProblem !== hasProblem) {
    // Adjusting state while rendering (React's pattern for following a prop): no flash.
    if ((hasValue && !seen.hasValue) || (hasProblem && !seen.hasProblem)) setOpen(true);
    setSeen({ hasValue, hasProblem });
  }
  return (
    <details
      className="more-options"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('forms.moreOptions')}</summary>
      {children}
    </details>
  );
}
