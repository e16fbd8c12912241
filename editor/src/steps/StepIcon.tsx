import type { FileStep } from '../sequence/file.ts';

/** Line icons (24×24, stroked) so each step type reads at a glance, with no icon font to load. */
const PATHS: Record<FileStep['type'], string> = {
  entry: 'M8 5v14l11-7z',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  sms: 'M4 5h16v11H10l-6 4z',
  kakao:
    'M12 4c-5 0-9 3.1-9 7 0 2.6 1.8 4.8 4.5 6L7 21l4.2-3c.3 0 .5 0 .8 0 5 0 9-3.1 9-7s-4-7-9-7z',
  task: 'M4 4h16v16H4zM8 12l3 3 5-6',
  delay: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3 2',
  condition: 'M12 3l9 9-9 9-9-9z',
  wait_for: 'M6 3h12M6 21h12M7 3c0 5 10 5 10 9s-10 4-10 9M17 3c0 5-10 5-10 9s10 4 10 9',
  split: 'M12 21v-7M12 14L6 8V3M12 14l6-6V3',
  update_contact: 'M9 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8M2 20c0-3.5 3-6 7-6M14 20l6-6 2 2-6 6h-2z',
  exit: 'M5 21V4h12l-2 4 2 4H5',
  unknown: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .8-1 1.5V14M12 18v.5',
};

export function StepIcon({ type }: { type: FileStep['type'] }) {
  return (
    <svg className="step__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[type]} />
    </svg>
  );
}
