import type { Sequence } from '@nudge/schema';
import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { connect } from '../commands/index.ts';
import type { PaletteType } from '../palette/step-types.ts';
import { sequenceStore, useSequence } from '../sequence/store.ts';
import { handleLabels } from '../steps/handles.ts';
import {
  addStepNow,
  copySelection,
  deleteSelected,
  duplicateSelection,
  pasteText,
  selectAllSteps,
} from './actions.ts';
import { ContextMenu } from './ContextMenu.tsx';
import { readClipboardText } from './clipboard.ts';
import { linkTargets } from './link-targets.ts';
import { type MenuItem, menuActions, menuItems } from './menu-items.ts';
import {
  type ConnectOverlay,
  closeOverlay,
  type MenuOverlay,
  openOverlay,
  type SearchOverlay,
  useOverlay,
} from './overlay.ts';
import { deleteSelection } from './use-editing.ts';
import { useView } from './use-view.ts';

// cmdk and the search load when the search is first opened, not with the page.
const StepSearch = lazy(() => import('../palette/StepSearch.tsx'));
const ConnectPicker = lazy(() => import('./ConnectPicker.tsx'));

const close = ({ returnFocus }: { returnFocus: boolean }) => closeOverlay({ returnFocus });

/** The step search or the right-click menu, whichever is open. */
export function CanvasOverlays() {
  const overlay = useOverlay();
  if (!overlay) return null;
  if (overlay.kind === 'search') return <SearchHost overlay={overlay} />;
  if (overlay.kind === 'connect') return <ConnectHost overlay={overlay} />;
  return <MenuHost overlay={overlay} />;
}

function ConnectHost({ overlay }: { overlay: ConnectOverlay }) {
  const { source, handle, at } = overlay;
  const file = useSequence((s) => s.file);
  const targets = useMemo(
    () => (file ? linkTargets(file as unknown as Sequence, source, handle) : []),
    [file, source, handle],
  );
  const choose = useCallback(
    (target: string) => {
      const link = { source, target, ...(handle !== undefined ? { sourceHandle: handle } : {}) };
      sequenceStore.getState().edit((s) => connect(s, link, { replace: true }), { at });
      // Back to the step the link leaves, to go on from there.
      closeOverlay({ returnFocus: true });
    },
    [source, handle, at],
  );
  return (
    <Suspense fallback={null}>
      <ConnectPicker targets={targets} at={at} onChoose={choose} onClose={close} />
    </Suspense>
  );
}

function SearchHost({ overlay }: { overlay: SearchOverlay }) {
  const choose = useCallback(
    (type: PaletteType) => {
      closeOverlay({ returnFocus: false });
      const added = addStepNow(type, overlay.placement, {
        ...(overlay.position ? { position: overlay.position } : {}),
        at: overlay.at,
        focusStep: true,
      });
      // Refused: focus goes back where the search was opened, next to the reason.
      if (!added && overlay.opener?.isConnected) overlay.opener.focus({ preventScroll: true });
    },
    [overlay],
  );
  return (
    <Suspense fallback={null}>
      <StepSearch at={overlay.at} onChoose={choose} onClose={close} />
    </Suspense>
  );
}

function MenuHost({ overlay }: { overlay: MenuOverlay }) {
  const { t } = useTranslation();
  const view = useView();
  const editable = useSequence((s) => s.editable);
  const { target, at, opener } = overlay;
  const step = useSequence((s) =>
    target.kind === 'step' ? s.nodes.find((n) => n.data.step.id === target.stepId) : undefined,
  )?.data.step;
  const stepType = step?.type;
  const selected = useSequence((s) => s.nodes.filter((n) => n.selected).length);
  const actions = menuActions(target, {
    editable,
    ...(stepType ? { stepType } : {}),
    selected,
  });

  // A branching step offers "Insert after" each of its branches, by the card's labels.
  const items = menuItems(actions, step ? handleLabels(step, t) : []);

  const run = ({ action, branch }: MenuItem) => {
    const search = (placement: SearchOverlay['placement'], position?: SearchOverlay['position']) =>
      openOverlay({ kind: 'search', placement, at, opener, ...(position ? { position } : {}) });
    switch (action) {
      case 'insertAfter':
        if (target.kind === 'step')
          return search(
            branch ? { after: target.stepId, handle: branch.handle } : { after: target.stepId },
          );
        break;
      case 'connectTo':
        if (target.kind === 'step')
          return openOverlay({
            kind: 'connect',
            source: target.stepId,
            ...(branch ? { handle: branch.handle } : {}),
            at,
            opener,
          });
        break;
      case 'insertHere':
        if (target.kind === 'link') return search({ onEdge: target.edgeId });
        break;
      case 'addHere':
        if (target.kind === 'canvas') {
          const corner = view.cardAt(target.point);
          return search({ at: corner }, corner);
        }
        break;
      case 'paste': {
        const point = target.kind === 'canvas' ? target.point : view.centre().flow;
        closeOverlay({ returnFocus: true });
        void readClipboardText().then((text) => pasteText(text, point, at));
        return;
      }
      case 'duplicate':
        duplicateSelection();
        break;
      case 'copy':
        copySelection();
        break;
      case 'delete':
        deleteSelected();
        break;
      case 'deleteLink':
        if (target.kind === 'link') deleteSelection([], [target.edgeId]);
        break;
      case 'selectAll':
        selectAllSteps();
        break;
      case 'tidyUp':
        sequenceStore.getState().tidyUp();
        view.fit();
        break;
      case 'fitView':
        view.fit();
        break;
    }
    closeOverlay({ returnFocus: true });
  };

  // Nothing to offer here (the entry of a read-only file): no menu, and nothing left open.
  useEffect(() => {
    if (actions.length === 0) closeOverlay({ returnFocus: true });
  }, [actions.length]);

  if (actions.length === 0) return null;
  return (
    <ContextMenu
      label={t(`build.menu.${target.kind}`)}
      items={items}
      at={at}
      onAction={run}
      onClose={close}
    />
  );
}
