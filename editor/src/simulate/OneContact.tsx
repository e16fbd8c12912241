import type { Simulation } from '@nudge/runtime/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactPicker } from '../contacts/ContactPicker.tsx';
import { useChosenContact } from '../contacts/contact-choice.ts';
import { runSimulation } from './client.ts';
import { numberValue } from './number-value.ts';
import { pathSoFar } from './path.ts';
import type { Runnable } from './runnable.ts';
import { ScriptEditor } from './ScriptEditor.tsx';
import { type ScriptLine, scriptedEvents } from './script.ts';
import { simulationMarks } from './store.ts';
import { TimelineView } from './TimelineView.tsx';
import { contactZone, instantOf, wallTime } from './zone-time.ts';

const DAY = 86_400_000;

/** One contact through the sequence: start, scripted events, Run, then the timeline. */
export function OneContact({
  runnable,
  initialStart,
  initialLines = [],
}: {
  runnable: Extract<Runnable, { kind: 'ready' }>;
  /** The first start, an instant (ms); the next full hour by default. */
  initialStart?: number;
  initialLines?: ScriptLine[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = useChosenContact();
  const zone = contactZone(runnable.sequence.settings, chosen.contact);
  const [startAt, setStartAt] = useState(
    () => initialStart ?? Math.ceil(Date.now() / 3_600_000) * 3_600_000,
  );
  const [days, setDays] = useState(30);
  const [lines, setLines] = useState<ScriptLine[]>(initialLines);
  const [run, setRun] = useState<{ simulation: Simulation; until: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [position, setPosition] = useState(-1);

  const { links, entrySteps } = runnable;
  // The canvas shows the path up to the slider's moment; cleared when the panel goes.
  useEffect(() => {
    simulationMarks.setState({
      path: run ? pathSoFar(run.simulation.timeline, links, entrySteps, position) : null,
    });
  }, [run, position, links, entrySteps]);
  useEffect(() => () => simulationMarks.setState({ path: null }), []);

  const go = async () => {
    const start = new Date(startAt).toISOString();
    const until = new Date(
      startAt + (Number.isFinite(days) ? Math.max(1, days) : 30) * DAY,
    ).toISOString();
    setRunning(true);
    setError(null);
    try {
      const simulation = await runSimulation({
        sequence: runnable.sequence,
        contact: chosen.contact,
        events: scriptedEvents(lines, start),
        start,
        until,
      });
      setRun({ simulation, until });
      setPosition(simulation.timeline.length - 1);
    } catch (failure) {
      setRun(null);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="simulate__one">
      {/* The picker Preview uses (one chosen contact for both), outside the form: its dialogs have their own. */}
      <ContactPicker />
      <form
        className="simulate__setup"
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <label htmlFor={`${id}-start`}>{t('simulate.start', { zone })}</label>
        <input
          id={`${id}-start`}
          type="datetime-local"
          data-testid="simulate-start"
          value={wallTime(startAt, zone)}
          onChange={(e) => {
            const at = instantOf(e.target.value, zone);
            if (at !== null) setStartAt(at);
          }}
        />
        <label htmlFor={`${id}-days`}>{t('simulate.days')}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={365}
          value={numberValue(days)}
          onChange={(e) => setDays(e.target.valueAsNumber)}
        />
        <ScriptEditor lines={lines} steps={runnable.steps} onChange={setLines} />
        <button type="submit" className="button" disabled={running} data-testid="simulate-run">
          {running ? t('simulate.running') : t('simulate.run')}
        </button>
      </form>
      {error && (
        <p role="alert" className="simulate__error">
          {t('simulate.failed', { message: error })}
        </p>
      )}
      {run && (
        <TimelineView
          simulation={run.simulation}
          until={run.until}
          position={position}
          onPosition={setPosition}
        />
      )}
    </div>
  );
}
