import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What every step card and link on the canvas reads: the UI's words, and whether it can edit. */
export interface CardText {
  t: TFunction;
  /** Whether links offer "Insert step here". */
  editable: boolean;
}

const CardTextContext = createContext<CardText | null>(null);

/**
 * Read once for the whole canvas rather than per card: `useTranslation` in each of hundreds of
 * cards subscribed each to i18next on mount, which was a third of the time a large sequence
 * took to open (bench:editor). A new language or `editable` still redraws every card.
 */
export function CardTextProvider({
  editable,
  children,
}: {
  editable: boolean;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language gives new words
  const value = useMemo(() => ({ t, editable }), [t, i18n.language, editable]);
  return <CardTextContext.Provider value={value}>{children}</CardTextContext.Provider>;
}

export function useCardText(): CardText {
  const value = useContext(CardTextContext);
  if (!value) throw new Error('a step card is drawn outside CardTextProvider');
  return value;
}
