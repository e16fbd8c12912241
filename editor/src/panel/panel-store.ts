import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * What the side panel shows: the selected step's settings (the default), or the whole
 * sequence's after **Sequence settings** is pressed, until it is closed or a step is chosen;
 * and whether the Preview column stands beside them (it stays open from step to step).
 */
export const panelStore = createStore<{ sequenceOpen: boolean; previewOpen: boolean }>()(() => ({
  sequenceOpen: false,
  previewOpen: false,
}));

export const openSequenceSettings = (open: boolean) => panelStore.setState({ sequenceOpen: open });

export const openPreview = (open: boolean) => panelStore.setState({ previewOpen: open });

export function useSequenceSettingsOpen(): boolean {
  return useStore(panelStore, (s) => s.sequenceOpen);
}

export function usePreviewOpen(): boolean {
  return useStore(panelStore, (s) => s.previewOpen);
}
