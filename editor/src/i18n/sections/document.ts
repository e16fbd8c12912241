/**
 * The document's life: New sequence, saved/unsaved, Save, Publish, Export.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('document.…')`.
 */
export const en = {
  newSequence: 'New sequence',
  newSequenceHint: 'Start a sequence holding only its entry step',
  openFromServer: 'Open from server',
  openFromServerHint: 'Open a sequence saved on the server',
  save: 'Save',
  saveHint: 'Save the draft on the server (Ctrl+S)',
  publishHint: 'Publish the saved draft as a new version',
  export: 'Export',
  exportHint: 'Download the sequence as a JSON file (<id>.json)',
  cancel: 'Cancel',
  done: 'Done',
  retry: 'Try again',
  working: 'Working…',
  offline: 'no answer from the server (the connection dropped)',
  onServer: 'On the server: {{id}}',
  replaces:
    'The open sequence has changes that are not saved on the server: this replaces them. Save or export it first to keep them.',
  discard: {
    title: 'Discard your unsaved changes?',
    unsaved: '“{{name}}” has changes that are not saved on the server.',
    not_kept: '“{{name}}” has changes that are not saved on the server or exported to a file.',
    file: 'Opening the file {{file}} replaces it, and those changes are lost.',
    example: 'Opening the example “{{example}}” replaces it, and those changes are lost.',
    advice: 'To keep them, choose Keep working, then Save or Export.',
    keep: 'Keep working',
    discard: 'Discard and open',
  },
  status: {
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    saving: 'Saving…',
    not_on_server: 'Not saved on the server',
    savedHint: 'The draft of “{{id}}” on the server (revision {{revision}}) is what you see.',
  },
  token: {
    explain:
      'Saving, publishing and opening sequences go through the API, which needs a token. Start Nudge with NUDGE_BOOTSTRAP_TOKEN set (for example NUDGE_BOOTSTRAP_TOKEN=change-me pnpm start): it creates an admin token with that value. An editor’s or an admin’s token can save and publish.',
    submit: 'Continue',
  },
  new: {
    title: 'New sequence',
    name: 'Name',
    nameHint: 'What your team calls it, for example “Trial follow-up”.',
    nameProblem: {
      required: 'Give the sequence a name.',
      too_long: 'The name is too long: {{max}} characters at most.',
    },
    id: 'ID',
    idHint:
      'Names the sequence in the API and in files, and can’t change later: lowercase letters, digits, - and _, up to 64.',
    idProblem: {
      required: 'Give the sequence an ID.',
      invalid:
        'Use lowercase letters (a–z), digits, - and _, starting with a letter or a digit, up to 64 characters.',
      taken: 'A sequence with this ID is already on the server.',
    },
    unchecked:
      'Not checked against the server (no API token yet): saving will tell if it is taken.',
    checking: 'Checking the IDs on the server…',
    checked_one: 'Checked against the {{count}} sequence on the server.',
    checked_other: 'Checked against the {{count}} sequences on the server.',
    checkFailed:
      'The server’s IDs could not be read ({{reason}}): saving will tell if it is taken.',
    create: 'Create',
  },
  open: {
    title: 'Open from server',
    loading: 'Loading the sequences…',
    empty: 'No sequence is saved on the server yet.',
    failed: 'The sequences could not be listed: {{reason}}',
    published: 'Published: version {{version}}',
    draftOnly: 'Not published',
    updated: 'changed {{when}}',
    firstOnly: 'Showing the first {{count}}.',
  },
  conflict: {
    changed: {
      title: 'The draft changed on the server',
      body: 'Someone saved “{{id}}” on the server since you loaded it; it is now at revision {{revision}}. Nothing was overwritten. Choose what to keep:',
    },
    exists: {
      title: 'This ID is taken on the server',
      body: 'A sequence with the ID “{{id}}” is already on the server. Nothing was overwritten. Choose what to do:',
    },
    gone: {
      title: 'The draft is gone from the server',
      body: '“{{id}}” is no longer on the server: it was deleted since you loaded it.',
    },
    theirs: 'Load theirs',
    theirsHint: 'Opens the draft on the server. Your copy is downloaded first, as {{file}}.',
    overwrite: 'Overwrite',
    overwriteHint: 'Saves your copy over the draft on the server: the other changes are lost.',
    newId: 'Save as a new sequence',
    newIdHint: 'Gives your copy a free ID and saves it beside the other one.',
    saveAgain: 'Save it again',
    saveAgainHint: 'Saves your copy on the server as a new sequence with the same ID.',
    cancelHint: 'Keep editing; nothing is saved on the server. Your copy stays in this browser.',
    confirm:
      'Overwrite the draft of “{{id}}” on the server with your copy? The changes saved there will be lost.',
    confirmYes: 'Yes, overwrite',
    back: 'Back',
  },
  notice: {
    invalid_one:
      'The server did not save it: the sequence has {{count}} error. Fix it (see Problems) and save again; your changes are kept in this browser.',
    invalid_other:
      'The server did not save it: the sequence has {{count}} errors. Fix them (see Problems) and save again; your changes are kept in this browser.',
    invalidUnlisted:
      'The server did not save it: {{message}}. Your changes are kept in this browser.',
    offline:
      'No answer from the server (the connection dropped): nothing was changed there. Your changes are kept in this browser; try again when the connection is back.',
    notAllowed:
      'This API token may not do that ({{message}}). Enter an editor’s or an admin’s token.',
    changeToken: 'Enter another token',
    failed: 'That did not work: {{message}}. Your changes are kept in this browser.',
    notKept:
      'This browser could not keep a copy of your work (its storage is full or turned off). Save it on the server or export it, so nothing is lost.',
    dismiss: 'Dismiss',
  },
  publish: {
    button: 'Publish',
    title: 'Publish “{{name}}”',
    loading: 'Reading what would change…',
    unreadable: 'What would change could not be read: {{reason}}',
    first:
      'Nothing is published yet: this makes version 1 of the sequence, and contacts can then be enrolled.',
    against:
      'Changes against version {{version}}, the published one. Publishing makes version {{next}}.',
    same: 'The draft is the same as version {{version}}: publishing makes an identical version {{next}}.',
    added: 'Added steps ({{count}})',
    removed: 'Removed steps ({{count}})',
    changed: 'Changed steps ({{count}})',
    fields: 'changed: {{fields}}',
    waiting_one: '{{count}} enrollee waits here',
    waiting_other: '{{count}} enrollees wait here',
    nobodyWaiting: 'nobody waits here',
    movedOnly_one: '{{count}} step only moved on the canvas.',
    movedOnly_other: '{{count}} steps only moved on the canvas.',
    links_one: '{{count}} link added, removed or redrawn.',
    links_other: '{{count}} links added, removed or redrawn.',
    settings: 'The sequence settings changed.',
    renamed: 'The name or the description changed.',
    nobodyInProgress: 'Nobody is going through the sequence now.',
    inProgress_one: '{{count}} enrollee is going through the sequence now.',
    inProgress_other: '{{count}} enrollees are going through the sequence now.',
    capped: 'There are so many that each count is at least what it says.',
    move: 'Move the enrollees in progress to version {{next}}',
    moveHint: 'Each goes on at the step with the same ID in the new version.',
    stayHint:
      'Unticked, everyone finishes on the version they started on; new enrollments get version {{next}}.',
    mapTitle: 'Where do the enrollees of removed steps go?',
    mapLabel_one: '{{count}} at {{step}}',
    mapLabel_other: '{{count}} at {{step}}',
    stay: 'Stay on version {{version}} and finish its path',
    moveTo: 'Move to {{step}}',
    noTarget:
      'No step of the draft can take them (a step of the same kind): they stay on version {{version}} and finish its path.',
    elsewhere_one:
      '{{count}} enrollee waits at a step of an older version that is no longer in the sequence: it stays on its version.',
    elsewhere_other:
      '{{count}} enrollees wait at steps of older versions that are no longer in the sequence: they stay on their versions.',
    stale:
      'The draft on the server is at revision {{theirs}}, not the one you saved (revision {{yours}}): someone saved since. Close this, save or load theirs, then publish.',
    confirm: 'Publish version {{next}}',
    publishing: 'Publishing…',
    changedSince:
      'Not published: the draft changed on the server since this was read. Read it again, then publish.',
    readAgain: 'Read again',
    refused: 'Not published: {{message}}',
    result: {
      published: 'Version {{version}} is published.',
      stayPut:
        'Enrollees already in the sequence stay on their versions; new enrollments start on version {{version}}.',
      nobody: 'Nobody was in the sequence to move.',
      moved_one: '{{count}} enrollee moved to version {{version}}.',
      moved_other: '{{count}} enrollees moved to version {{version}}.',
      stayed_one: '{{count}} enrollee stayed on their version:',
      stayed_other: '{{count}} enrollees stayed on their versions:',
      reason: '{{count}} × {{reason}}',
      more_one: '…and {{count}} more.',
      more_other: '…and {{count}} more.',
      notInVersion: 'step {{step}} is not in version {{version}}, and no step was chosen for it',
      mappedAway: 'step {{step}} was sent to {{target}}, which is not in version {{version}}',
    },
  },
};

export const ko: typeof en = {
  newSequence: '새 시퀀스',
  newSequenceHint: '시작 단계만 있는 시퀀스를 새로 만듭니다',
  openFromServer: '서버에서 열기',
  openFromServerHint: '서버에 저장된 시퀀스를 엽니다',
  save: '저장',
  saveHint: '초안을 서버에 저장합니다 (Ctrl+S)',
  publishHint: '저장된 초안을 새 버전으로 게시합니다',
  export: '내보내기',
  exportHint: '시퀀스를 JSON 파일(<id>.json)로 내려받습니다',
  cancel: '취소',
  done: '완료',
  retry: '다시 시도',
  working: '처리 중…',
  offline: '서버가 응답하지 않습니다(연결이 끊어졌습니다)',
  onServer: '서버: {{id}}',
  replaces:
    '열려 있는 시퀀스에 서버에 저장되지 않은 변경 사항이 있으며, 이 작업은 그것을 대체합니다. 변경 사항을 남기려면 먼저 저장하거나 내보내세요.',
  discard: {
    title: '저장하지 않은 변경 사항을 버릴까요?',
    unsaved: '“{{name}}”에 서버에 저장하지 않은 변경 사항이 있습니다.',
    not_kept: '“{{name}}”에 서버에 저장하거나 파일로 내보내지 않은 변경 사항이 있습니다.',
    file: '이 파일({{file}})을 열면 지금 시퀀스가 바뀌고 이 변경 사항은 사라집니다.',
    example: '이 예제(“{{example}}”)를 열면 지금 시퀀스가 바뀌고 이 변경 사항은 사라집니다.',
    advice: '변경 사항을 남기려면 계속 작업을 누른 뒤 저장하거나 내보내세요.',
    keep: '계속 작업',
    discard: '버리고 열기',
  },
  status: {
    saved: '저장됨',
    unsaved: '저장되지 않은 변경 사항',
    saving: '저장 중…',
    not_on_server: '서버에 저장되지 않음',
    savedHint: '서버에 있는 “{{id}}”의 초안(리비전 {{revision}})과 지금 보이는 내용이 같습니다.',
  },
  token: {
    explain:
      '저장, 게시, 시퀀스 열기는 API를 거치며 토큰이 필요합니다. NUDGE_BOOTSTRAP_TOKEN을 설정해 Nudge를 시작하면(예: NUDGE_BOOTSTRAP_TOKEN=change-me pnpm start) 그 값으로 관리자 토큰이 만들어집니다. 편집자나 관리자 토큰으로 저장하고 게시할 수 있습니다.',
    submit: '계속',
  },
  new: {
    title: '새 시퀀스',
    name: '이름',
    nameHint: '팀에서 부르는 이름입니다. 예: “체험판 후속 안내”.',
    nameProblem: {
      required: '시퀀스 이름을 입력하세요.',
      too_long: '이름이 너무 깁니다. 최대 {{max}}자까지 쓸 수 있습니다.',
    },
    id: 'ID',
    idHint:
      'API와 파일에서 시퀀스를 가리키는 값이며 나중에 바꿀 수 없습니다. 영문 소문자, 숫자, -, _ 로 64자까지 쓸 수 있습니다.',
    idProblem: {
      required: '시퀀스 ID를 입력하세요.',
      invalid:
        '영문 소문자(a–z), 숫자, -, _ 만 쓰고, 영문 소문자나 숫자로 시작하며, 64자 이내로 입력하세요.',
      taken: '서버에 이미 같은 ID의 시퀀스가 있습니다.',
    },
    unchecked:
      '아직 API 토큰이 없어 서버와 비교하지 않았습니다. 이미 있는 ID라면 저장할 때 알려 드립니다.',
    checking: '서버의 ID를 확인하는 중…',
    checked_one: '서버에 있는 시퀀스 {{count}}개와 겹치지 않는지 확인했습니다.',
    checked_other: '서버에 있는 시퀀스 {{count}}개와 겹치지 않는지 확인했습니다.',
    checkFailed:
      '서버의 ID를 읽지 못했습니다({{reason}}). 이미 있는 ID라면 저장할 때 알려 드립니다.',
    create: '만들기',
  },
  open: {
    title: '서버에서 열기',
    loading: '시퀀스 목록을 불러오는 중…',
    empty: '서버에 저장된 시퀀스가 아직 없습니다.',
    failed: '시퀀스 목록을 불러오지 못했습니다: {{reason}}',
    published: '게시됨: 버전 {{version}}',
    draftOnly: '게시 전',
    updated: '{{when}} 변경',
    firstOnly: '처음 {{count}}개만 표시합니다.',
  },
  conflict: {
    changed: {
      title: '서버의 초안이 바뀌었습니다',
      body: '불러온 뒤에 다른 사람이 서버에 “{{id}}”를 저장해 지금은 리비전 {{revision}}입니다. 아무것도 덮어쓰지 않았습니다. 무엇을 남길지 고르세요.',
    },
    exists: {
      title: '서버에 이미 있는 ID입니다',
      body: '서버에 ID가 “{{id}}”인 시퀀스가 이미 있습니다. 아무것도 덮어쓰지 않았습니다. 어떻게 할지 고르세요.',
    },
    gone: {
      title: '서버에서 초안이 사라졌습니다',
      body: '“{{id}}”가 서버에 더 이상 없습니다. 불러온 뒤에 삭제되었습니다.',
    },
    theirs: '서버 초안 불러오기',
    theirsHint: '서버에 있는 초안을 엽니다. 내 사본은 먼저 {{file}} 파일로 내려받습니다.',
    overwrite: '덮어쓰기',
    overwriteHint:
      '서버의 초안을 내 사본으로 덮어씁니다. 서버에 저장된 다른 변경 사항은 사라집니다.',
    newId: '새 시퀀스로 저장',
    newIdHint: '내 사본에 비어 있는 ID를 주어 서버의 시퀀스와 따로 저장합니다.',
    saveAgain: '다시 저장',
    saveAgainHint: '내 사본을 같은 ID의 새 시퀀스로 서버에 저장합니다.',
    cancelHint:
      '계속 편집합니다. 서버에는 아무것도 저장하지 않으며, 내 사본은 이 브라우저에 남아 있습니다.',
    confirm:
      '서버에 있는 “{{id}}”의 초안을 내 사본으로 덮어쓸까요? 서버에 저장된 변경 사항은 사라집니다.',
    confirmYes: '덮어쓰기',
    back: '돌아가기',
  },
  notice: {
    invalid_one:
      '서버가 저장하지 않았습니다. 시퀀스에 오류가 {{count}}개 있습니다. 문제 목록을 보고 고친 뒤 다시 저장하세요. 변경 사항은 이 브라우저에 남아 있습니다.',
    invalid_other:
      '서버가 저장하지 않았습니다. 시퀀스에 오류가 {{count}}개 있습니다. 문제 목록을 보고 고친 뒤 다시 저장하세요. 변경 사항은 이 브라우저에 남아 있습니다.',
    invalidUnlisted:
      '서버가 저장하지 않았습니다: {{message}}. 변경 사항은 이 브라우저에 남아 있습니다.',
    offline:
      '서버가 응답하지 않습니다(연결이 끊어졌습니다). 서버에서는 아무것도 바뀌지 않았습니다. 변경 사항은 이 브라우저에 남아 있으니 연결되면 다시 시도하세요.',
    notAllowed:
      '이 API 토큰으로는 할 수 없는 작업입니다({{message}}). 편집자나 관리자 토큰을 입력하세요.',
    changeToken: '다른 토큰 입력',
    failed: '실패했습니다: {{message}}. 변경 사항은 이 브라우저에 남아 있습니다.',
    notKept:
      '이 브라우저에 작업 사본을 보관하지 못했습니다(저장 공간이 가득 찼거나 꺼져 있습니다). 잃지 않도록 서버에 저장하거나 내보내세요.',
    dismiss: '닫기',
  },
  publish: {
    button: '게시',
    title: '“{{name}}” 게시',
    loading: '바뀌는 내용을 읽는 중…',
    unreadable: '바뀌는 내용을 읽지 못했습니다: {{reason}}',
    first:
      '아직 게시된 버전이 없습니다. 게시하면 시퀀스의 버전 1이 되고, 그때부터 연락처를 등록할 수 있습니다.',
    against:
      '게시된 버전 {{version}} 대비 변경 사항입니다. 게시하면 새 버전의 번호는 {{next}}입니다.',
    same: '초안이 버전 {{version}}의 내용과 같습니다. 게시하면 내용이 같은 새 버전(버전 {{next}})이 만들어집니다.',
    added: '추가된 단계 ({{count}})',
    removed: '삭제된 단계 ({{count}})',
    changed: '바뀐 단계 ({{count}})',
    fields: '바뀐 항목: {{fields}}',
    waiting_one: '{{count}}명이 여기서 기다리는 중',
    waiting_other: '{{count}}명이 여기서 기다리는 중',
    nobodyWaiting: '여기서 기다리는 사람 없음',
    movedOnly_one: '단계 {{count}}개는 캔버스에서 위치만 옮겼습니다.',
    movedOnly_other: '단계 {{count}}개는 캔버스에서 위치만 옮겼습니다.',
    links_one: '연결 {{count}}개가 추가, 삭제되거나 다시 이어졌습니다.',
    links_other: '연결 {{count}}개가 추가, 삭제되거나 다시 이어졌습니다.',
    settings: '시퀀스 설정이 바뀌었습니다.',
    renamed: '이름이나 설명이 바뀌었습니다.',
    nobodyInProgress: '지금 시퀀스를 진행 중인 사람은 없습니다.',
    inProgress_one: '지금 {{count}}명이 시퀀스를 진행 중입니다.',
    inProgress_other: '지금 {{count}}명이 시퀀스를 진행 중입니다.',
    capped: '인원이 많아 각 숫자는 최소 인원입니다.',
    move: '진행 중인 등록자를 버전 {{next}}(으)로 옮기기',
    moveHint: '각 등록자는 새 버전에서 ID가 같은 단계부터 이어서 진행합니다.',
    stayHint:
      '선택하지 않으면 모두 시작한 버전으로 끝까지 진행하고, 새로 등록하는 사람은 버전 {{next}}에 따라 진행합니다.',
    mapTitle: '삭제된 단계에서 기다리는 등록자는 어디로 갈까요?',
    mapLabel_one: '{{step}}에 있는 {{count}}명',
    mapLabel_other: '{{step}}에 있는 {{count}}명',
    stay: '버전 {{version}}에 남아 기존 경로대로 끝내기',
    moveTo: '{{step}}(으)로 옮기기',
    noTarget:
      '초안에 이들을 받을 수 있는 같은 종류의 단계가 없어, 버전 {{version}}에 남아 기존 경로대로 끝냅니다.',
    elsewhere_one:
      '{{count}}명은 지금 시퀀스에 없는 이전 버전의 단계에서 기다리고 있어 자기 버전에 남습니다.',
    elsewhere_other:
      '{{count}}명은 지금 시퀀스에 없는 이전 버전의 단계에서 기다리고 있어 자기 버전에 남습니다.',
    stale:
      '서버의 초안은 리비전 {{theirs}}이고, 내가 저장한 것은 리비전 {{yours}}입니다. 그 사이에 다른 사람이 저장했습니다. 이 창을 닫고 저장하거나 서버 초안을 불러온 뒤 게시하세요.',
    confirm: '버전 {{next}} 게시',
    publishing: '게시하는 중…',
    changedSince:
      '게시하지 않았습니다. 내용을 읽은 뒤에 서버의 초안이 바뀌었습니다. 다시 읽은 뒤 게시하세요.',
    readAgain: '다시 읽기',
    refused: '게시하지 않았습니다: {{message}}',
    result: {
      published: '버전 {{version}} 게시를 마쳤습니다.',
      stayPut:
        '이미 시퀀스를 진행 중인 등록자는 자기 버전에 남고, 새로 등록하는 사람은 버전 {{version}}에서 시작합니다.',
      nobody: '옮길 등록자가 없었습니다.',
      moved_one: '{{count}}명을 버전 {{version}}(으)로 옮겼습니다.',
      moved_other: '{{count}}명을 버전 {{version}}(으)로 옮겼습니다.',
      stayed_one: '{{count}}명은 자기 버전에 남았습니다:',
      stayed_other: '{{count}}명은 자기 버전에 남았습니다:',
      reason: '{{count}}명 × {{reason}}',
      more_one: '…외 {{count}}명',
      more_other: '…외 {{count}}명',
      notInVersion: '단계 {{step}}이(가) 버전 {{version}}에 없고, 옮길 단계를 고르지 않았습니다',
      mappedAway:
        '단계 {{step}}을(를) {{target}}(으)로 보냈지만 버전 {{version}}에 그 단계가 없습니다',
    },
  },
};
