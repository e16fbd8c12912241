/**
 * The `field` a form passes with a change names what changed, and the editor makes
 * consecutive changes of one field one undo step. Typing in a control is named by the
 * control's JSON pointer; an action (add, remove, move) gets a name of its own each time, so
 * two additions in a row are undone one at a time.
 */
let actions = 0;

export const actionName = (pointer: string, action: string) => `${pointer}#${action}-${++actions}`;
