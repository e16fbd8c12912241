/**
 * Which link is under the pointer, to drop a palette item into it. React Flow draws each link
 * as an SVG group with data-id, holding a wide invisible path for the pointer, so the browser
 * finds it with elementsFromPoint; a step drawn over the link covers it.
 */

/** The canvas key of the link under this screen point, if any. */
export function linkAt(
  point: { x: number; y: number },
  root: Document = document,
): string | undefined {
  return pickLink(root.elementsFromPoint(point.x, point.y));
}

/**
 * The first link among elements listed topmost first (elementsFromPoint's order), or a
 * link's "+" button; none when a step lies above it.
 */
export function pickLink(elements: readonly Element[]): string | undefined {
  for (const element of elements) {
    if (element.closest('.react-flow__node')) return undefined;
    const button = element.closest<HTMLElement>('[data-testid="insert-step"][data-edge-id]');
    if (button) return button.dataset.edgeId;
    const link = element.closest('.react-flow__edge[data-id]');
    if (link) return link.getAttribute('data-id') ?? undefined;
  }
  return undefined;
}
