/**
 * A template field as the "Insert variable" menu sees it: whatever editor it is (CodeMirror,
 * the rich-text body, a plain input), it inserts text at its cursor and takes focus back.
 */
export interface InsertTarget {
  /** Replaces the selection (or inserts at the cursor) with `text`, then focuses the field. */
  insert(text: string): void;
  focus(): void;
}
