import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Which settings the side panel shows: the selected step's (the default), or the whole
 * sequence's after **Sequence settings** is pressed, until it is closed or a step is chosen.
 */
export const panelStore = createStore<{ sequenceOpen: boolean }>()(() => ({
  sequenceOpen: false,
}));

export const openSequenceSettings = (open: boolean) => panelStore.setState({ sequenceOpen: open });

export function useSequenceSettingsOpen(): boolean {
  return useStore(panelStore, (s) => s.sequenceOpen);
}
