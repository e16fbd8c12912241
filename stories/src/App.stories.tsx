import { App, type StepData, sequenceStore } from '@nudge/editor';
// From the schema's broken-file corpus (the package exports only its examples).
import duplicateNodeId from '@nudge/schema/fixtures/invalid/duplicate-node-id.json';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/**
 * The whole editor page in a real browser: opening files, the canvas, and a problem
 * selecting its step. (The Playwright end-to-end test does the same against the server.)
 */
const meta = {
  title: 'Editor/Page',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
  // The page uses the editor's one store: start every story with nothing open.
  beforeEach: () => {
    sequenceStore.setState(sequenceStore.getInitialState(), true);
  },
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

const broken = {
  format: 'nudge.sequence/v1',
  name: 'Broken follow-up',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'wait', type: 'delay', data: { amount: 2, unit: 'fortnights' } },
    { id: 'bye', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'bye' },
  ],
};

export const OpenExample: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByTestId('sequence-name')).toHaveTextContent('No sequence open');
    await userEvent.click(page.getByTestId('examples-button'));
    await userEvent.click(
      page
        .getAllByTestId('example')
        .find((e) => e.dataset.example === 'onboarding.json') as HTMLElement,
    );
    await waitFor(() =>
      expect(page.getByTestId('sequence-name')).toHaveTextContent(
        'Trial onboarding (behaviour-based)',
      ),
    );
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('.react-flow__node')).toHaveLength(13),
    );
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('.react-flow__edge')).toHaveLength(12),
    );
    await expect(page.getByTestId('no-problems')).toBeVisible();
  },
};

export const ProblemSelectsItsStep: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const file = new File([JSON.stringify(broken)], 'broken.json', { type: 'application/json' });
    await userEvent.upload(page.getByTestId('open-file-input'), file);
    // The file is read asynchronously.
    await waitFor(() =>
      expect(page.getByTestId('sequence-name')).toHaveTextContent('Broken follow-up'),
    );
    const problem = await page.findByRole('button', { name: /fortnights/ });
    await expect(problem).toHaveAttribute('data-node-id', 'wait');
    await userEvent.click(problem);
    await waitFor(() =>
      expect(canvasElement.querySelector('.react-flow__node[data-id="wait"]')).toHaveClass(
        'selected',
      ),
    );
    await expect(canvasElement.querySelectorAll('.react-flow__node.selected')).toHaveLength(1);
    await expect(problem).toHaveAttribute('aria-current', 'true');
  },
};

export const NotJson: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const file = new File(['{\n  "name": "x",\n}'], 'oops.json', { type: 'application/json' });
    await userEvent.upload(page.getByTestId('open-file-input'), file);
    await expect(await page.findByTestId('load-error')).toHaveTextContent('line 3, column 1');
    await expect(page.getByTestId('sequence-name')).toHaveTextContent('oops.json');
  },
};

/** When drawing fails, the canvas says so in the UI language; the problems panel stays. */
export const DrawingFailureKeepsTheProblems: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    sequenceStore.getState().openValue('broken.json', broken);
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('.react-flow__node')).toHaveLength(3),
    );
    // A step the canvas can't draw (its data lacks the step), as a drawing bug would leave it.
    sequenceStore.setState((s) => ({
      nodes: [
        ...s.nodes,
        { id: 'bad', type: 'email', position: { x: 0, y: 0 }, data: {} as StepData },
      ],
    }));
    const notice = await page.findByTestId('canvas-failed');
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toHaveTextContent('캔버스에 이 시퀀스를 그리지 못했습니다');
    await expect(page.getByTestId('problems')).toBeVisible();
    await expect(page.getAllByTestId('problem').map((p) => p.dataset.code)).toContain(
      'invalid_value',
    );
    // Opening another file draws again.
    sequenceStore.getState().openValue('broken.json', broken);
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('.react-flow__node')).toHaveLength(3),
    );
    await expect(page.queryByTestId('canvas-failed')).toBeNull();
  },
};

/** A second node with a taken id is drawn too, and its problem selects it, not the first. */
export const DuplicateIdSelectsTheDuplicate: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const file = new File([JSON.stringify(duplicateNodeId)], 'duplicate-node-id.json', {
      type: 'application/json',
    });
    await userEvent.upload(page.getByTestId('open-file-input'), file);
    const copy = await waitFor(() => {
      const el = canvasElement.querySelector('.react-flow__node[data-id="wait#7"]');
      expect(el).toBeVisible();
      return el as HTMLElement;
    });
    await expect(within(copy).getByTestId('step')).toHaveAttribute('data-state', 'error');
    await expect(within(copy).getByText('wait')).toBeVisible();
    const first = canvasElement.querySelector('.react-flow__node[data-id="wait"]');
    await expect(first?.querySelector('[data-testid="step"]')).toHaveAttribute('data-state', 'ok');

    const problem = page.getByTestId('problem');
    await expect(problem).toHaveAttribute('data-code', 'duplicate_node_id');
    await userEvent.click(problem);
    await waitFor(() => expect(copy).toHaveClass('selected'));
    await expect(canvasElement.querySelectorAll('.react-flow__node.selected')).toHaveLength(1);
    await expect(problem).toHaveAttribute('aria-current', 'true');
  },
};
