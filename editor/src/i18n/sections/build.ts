/**
 * Adding, connecting and removing steps: the palette, the step search, the edge + button, the
 * context menu, undo/redo, copy/paste, and why a connection is refused.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('build.…')`.
 */
export const en = {
  undo: 'Undo',
  redo: 'Redo',
  undoHint: 'Undo the last change (Ctrl+Z)',
  redoHint: 'Redo what was undone (Ctrl+Shift+Z or Ctrl+Y)',
  dismiss: 'Dismiss',
  refused: {
    unknown_step: 'That step no longer exists.',
    unknown_edge: 'That link no longer exists.',
    unknown_handle: 'A link can’t leave this step from there.',
    into_entry: 'Nothing can lead into the entry: it is where contacts come in.',
    from_exit: 'An exit ends the sequence: nothing can follow it.',
    self_loop: 'A step can’t lead to itself.',
    cycle: 'That link would loop back to an earlier step; a sequence only moves forward.',
    handle_taken:
      'That handle already has a link. Delete it first, or drag a new one to replace it.',
    entry_kept: 'The entry can’t be deleted: every sequence starts there.',
    not_steps: 'The clipboard holds no Nudge steps.',
    too_many_steps: 'That would make more steps than a sequence can hold.',
  },
};

export const ko: typeof en = {
  undo: '실행 취소',
  redo: '다시 실행',
  undoHint: '마지막 변경을 취소합니다 (Ctrl+Z)',
  redoHint: '취소한 변경을 다시 실행합니다 (Ctrl+Shift+Z 또는 Ctrl+Y)',
  dismiss: '닫기',
  refused: {
    unknown_step: '그 단계는 더 이상 없습니다.',
    unknown_edge: '그 연결은 더 이상 없습니다.',
    unknown_handle: '이 단계의 그 자리에서는 연결을 시작할 수 없습니다.',
    into_entry: '시작 단계로 들어오는 연결은 만들 수 없습니다. 연락처가 들어오는 곳입니다.',
    from_exit: '종료 단계에서 시퀀스가 끝나므로 뒤에 단계를 이을 수 없습니다.',
    self_loop: '단계를 자기 자신에게 연결할 수 없습니다.',
    cycle: '이 연결은 앞 단계로 되돌아가는 고리를 만듭니다. 시퀀스는 앞으로만 진행합니다.',
    handle_taken: '이 연결점에는 이미 연결이 있습니다. 먼저 삭제하거나 새로 끌어서 바꾸세요.',
    entry_kept: '시작 단계는 삭제할 수 없습니다. 모든 시퀀스는 여기서 시작합니다.',
    not_steps: '클립보드에 넛지 단계가 없습니다.',
    too_many_steps: '시퀀스에 담을 수 있는 단계 수를 넘습니다.',
  },
};
