import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warmUp } from './client.ts';
import { OneContact } from './OneContact.tsx';
import { useRunnable } from './runnable.ts';
import type { ScriptLine } from './script.ts';
import { toggleSimulate } from './store.ts';
import { WhatIfTab } from './WhatIfTab.tsx';
import './simulate.css';

type Tab = 'one' | 'whatIf';
const TABS: Tab[] = ['one', 'whatIf'];

/**
 * The Simulate panel, docked under the canvas: one contact through the sequence (its timeline,
 * a slider through it, the path on the canvas), or "what if" for many contacts. Loaded lazily
 * with core (App.tsx), which runs in a worker (client.ts).
 *
 * Test hooks: data-testid="simulate-panel"; see OneContact, TimelineView and WhatIfTab.
 */
export default function SimulatePanel({
  initialTab = 'one',
  initialStart,
  initialLines,
}: {
  initialTab?: Tab;
  initialStart?: number;
  initialLines?: ScriptLine[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const runnable = useRunnable();
  const [tab, setTab] = useState<Tab>(initialTab);
  const ready = runnable.kind === 'ready' ? runnable.sequence : null;
  const [warmed, setWarmed] = useState(false);
  // Once per opening, as soon as there is a sequence to run.
  useEffect(() => {
    if (ready && !warmed) {
      warmUp(ready);
      setWarmed(true);
    }
  }, [ready, warmed]);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ one: null, whatIf: null });
  const onTabKey = (event: KeyboardEvent) => {
    const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!by) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + by + TABS.length) % TABS.length] as Tab;
    setTab(next);
    tabRefs.current[next]?.focus();
  };
  return (
    <section className="simulate" aria-labelledby={`${id}-title`} data-testid="simulate-panel">
      <header className="simulate__head">
        <h2 id={`${id}-title`}>{t('simulate.title')}</h2>
        <div role="tablist" aria-label={t('simulate.tabs')} onKeyDown={onTabKey} tabIndex={-1}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                tabRefs.current[name] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${id}-panel`}
              tabIndex={tab === name ? 0 : -1}
              className="simulate__tab"
              data-testid={`simulate-tab-${name}`}
              onClick={() => setTab(name)}
            >
              {t(`simulate.${name}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button simulate__close"
          aria-label={t('simulate.close')}
          onClick={() => toggleSimulate(false)}
        >
          ×
        </button>
      </header>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${tab}`}
        className="simulate__body"
      >
        {runnable.kind === 'nothing' && (
          <p className="simulate__hint">{t('simulate.nothingOpen')}</p>
        )}
        {runnable.kind === 'invalid' && (
          <p className="simulate__hint" role="status">
            {t('simulate.notRunnable')}
          </p>
        )}
        {runnable.kind === 'ready' &&
          (tab === 'one' ? (
            <OneContact
              runnable={runnable}
              {...(initialStart !== undefined ? { initialStart } : {})}
              {...(initialLines ? { initialLines } : {})}
            />
          ) : (
            <WhatIfTab
              runnable={runnable}
              {...(initialStart !== undefined ? { initialStart } : {})}
            />
          ))}
      </div>
    </section>
  );
}
