/**
 * The template library in the message steps' settings: the picker, its dialog and the linked
 * badge (issue 14 §1a). Reached as `t('templates.…')`; `ko` has exactly the keys of `en`.
 */
export const en = {
  choose: 'Choose template…',
  dialogTitle: 'Choose a template',
  search: 'Search by name or tag',
  channel: {
    email: 'Email templates',
    sms: 'SMS templates',
    kakao: 'AlimTalk templates',
  },
  workspace: 'This workspace’s templates',
  starters: 'Starter templates',
  startersHint: 'They ship with Nudge: copy one into the step and make it yours.',
  loading: 'Loading the templates…',
  none: 'No template matches.',
  noneYet: 'This workspace has no template of this kind yet.',
  failed: 'The templates could not be read: {{detail}}',
  needsToken:
    'Templates are kept on the Nudge server, for the whole workspace. Enter an API token to read them (any token of the workspace works).',
  copy: 'Copy into step',
  copyLabel: 'Copy “{{name}}” into this step',
  link: 'Link to step',
  linkLabel: 'Link this step to “{{name}}”',
  cancel: 'Cancel',
  linked: 'Linked to template “{{name}}”',
  linkedUnnamed: 'Linked to a template',
  linkedHint:
    'At each publish, this step takes the template’s content as it is then; a published version never changes. Edits here are replaced at publish: unlink to keep them.',
  unlink: 'Unlink',
  unlinkLabel: 'Unlink this step from its template, keeping its content',
  applied: 'Template “{{name}}” copied into the step.',
  linkedNow: 'Step linked to template “{{name}}”.',
  unlinked: 'Step unlinked: its content is now its own.',
};

export const ko: typeof en = {
  choose: '템플릿 선택…',
  dialogTitle: '템플릿 선택',
  search: '이름이나 태그로 찾기',
  channel: {
    email: '이메일 템플릿',
    sms: '문자 템플릿',
    kakao: '알림톡 템플릿',
  },
  workspace: '이 워크스페이스의 템플릿',
  starters: '기본 제공 템플릿',
  startersHint: '넛지와 함께 제공됩니다. 단계에 복사해서 고쳐 쓰세요.',
  loading: '템플릿을 불러오는 중…',
  none: '맞는 템플릿이 없습니다.',
  noneYet: '이 워크스페이스에는 아직 이 종류의 템플릿이 없습니다.',
  failed: '템플릿을 읽지 못했습니다: {{detail}}',
  needsToken:
    '템플릿은 넛지 서버에 워크스페이스 전체용으로 보관됩니다. 읽으려면 API 토큰을 입력하세요(워크스페이스의 어떤 토큰이든 됩니다).',
  copy: '단계에 복사',
  copyLabel: '“{{name}}”을(를) 이 단계에 복사',
  link: '단계에 연결',
  linkLabel: '이 단계를 “{{name}}”에 연결',
  cancel: '취소',
  linked: '템플릿 “{{name}}”에 연결됨',
  linkedUnnamed: '템플릿에 연결됨',
  linkedHint:
    '게시할 때마다 이 단계는 그때의 템플릿 내용을 가져갑니다. 이미 게시된 버전은 바뀌지 않습니다. 여기서 고친 내용은 게시할 때 바뀌니, 유지하려면 연결을 해제하세요.',
  unlink: '연결 해제',
  unlinkLabel: '내용은 그대로 두고 이 단계와 템플릿의 연결을 해제',
  applied: '템플릿 “{{name}}”을(를) 단계에 복사했습니다.',
  linkedNow: '단계를 템플릿 “{{name}}”에 연결했습니다.',
  unlinked: '연결을 해제했습니다. 이제 내용은 이 단계의 것입니다.',
};
