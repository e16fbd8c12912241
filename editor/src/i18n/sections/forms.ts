/**
 * The step settings panel: a labelled form for each step type.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('forms.…')`.
 * Texts that show Liquid (`{{ contact.name }}`) take it as a value ({{example}}): i18next
 * would read braces written into the text as its own placeholders.
 */
export const en = {
  stepProblems: 'Problems with this step',
  moreOptions: 'More options',
  sending: {
    label: 'Sending',
    auto: 'Automatic, in the send window',
    manual: 'Manual: a task for a person to send it',
  },
  template: {
    hint: 'Merge variables such as {{example}} or {{alias}} are filled in for each contact. Ctrl+Space lists them.',
  },
  email: {
    subject: 'Subject',
    subjectHint:
      'Leave empty to reply in the thread of the latest email sent to the contact (as “Re: …”).',
    body: 'Body',
    format: 'Format',
    formats: {
      text: 'Plain text',
      html: 'HTML',
    },
    from: 'From',
    fromHint: 'Name <address>, or just the address. Empty: the sender of the sequence settings.',
    replyTo: 'Reply-to',
    replyToHint: 'Where replies go, if not to the sender.',
    cc: 'Cc',
    bcc: 'Bcc',
    addressesHint: 'Addresses separated by commas.',
  },
  sms: {
    text: 'Text',
    size: {
      sms: 'SMS · {{bytes}} / {{limit}} bytes',
      lms: 'LMS (long message) · {{bytes}} / {{limit}} bytes',
      too_long: 'Too long: {{bytes}} bytes, more than the {{limit}} an LMS holds',
    },
    sizeAbout: {
      sms: 'SMS · about {{bytes}} / {{limit}} bytes',
      lms: 'LMS (long message) · about {{bytes}} / {{limit}} bytes',
      too_long: 'Too long: about {{bytes}} bytes, more than the {{limit}} an LMS holds',
    },
    sizeHint:
      'Counted as carriers do: a Korean character is 2 bytes, a letter, digit or space 1. Up to {{sms}} bytes go as an SMS, longer texts as an LMS.',
    templatedHint:
      'Counted as written: merge variables make each contact’s message longer or shorter.',
  },
  kakao: {
    templateCode: 'Template code',
    templateCodeHint: 'The code of the AlimTalk template Kakao approved for this message.',
    text: 'Text',
    textHint: 'As approved in the template: Kakao refuses a message that differs from it.',
    buttons: 'Buttons',
    button: 'Button {{number}}',
    buttonName: 'Button name',
    buttonNameHint: 'Up to {{max}} characters.',
    buttonUrl: 'Link',
    addButton: 'Add a button',
    removeButton: 'Remove button {{number}}',
    buttonsFull: 'AlimTalk takes up to {{max}} buttons.',
    noButtons: 'No buttons.',
    fallbackSms: 'Fallback SMS',
    fallbackSmsHint:
      'Sent as a text message when AlimTalk can’t be delivered (no KakaoTalk, blocked). Empty: nothing is sent instead.',
  },
  task: {
    kind: 'Kind',
    kinds: {
      call: 'Call',
      todo: 'To-do',
      manual_email: 'Manual email',
      other: 'Other',
    },
    title: 'Title',
    note: 'Note',
    noteHint: 'What the person doing the task should know.',
    assignee: 'Assignee',
    assignees: {
      owner: 'The contact’s owner',
      email: 'Someone else (email address)',
    },
    assigneeEmail: 'Assignee’s email address',
    waitForCompletion: 'Wait for completion',
    waitForCompletionHint:
      'The contact stays at this step until the task is done; otherwise the sequence goes on at once.',
  },
};

export const ko: typeof en = {
  stepProblems: '이 단계의 문제',
  moreOptions: '추가 옵션',
  sending: {
    label: '발송 방식',
    auto: '자동 발송 (발송 시간대에)',
    manual: '직접 발송: 담당자가 보내도록 할 일을 만듭니다',
  },
  template: {
    hint: '{{example}}, {{alias}} 같은 병합 변수는 연락처마다 채워집니다. Ctrl+Space를 누르면 목록이 나옵니다.',
  },
  email: {
    subject: '제목',
    subjectHint: '비워 두면 이 연락처에게 마지막으로 보낸 이메일의 스레드에 “Re: …”로 답장합니다.',
    body: '본문',
    format: '형식',
    formats: {
      text: '일반 텍스트',
      html: 'HTML',
    },
    from: '보내는 사람',
    fromHint: '이름 <주소> 또는 주소만 입력하세요. 비워 두면 시퀀스 설정의 발신자로 보냅니다.',
    replyTo: '회신 주소',
    replyToHint: '보내는 사람이 아닌 다른 곳으로 답장을 받으려면 입력하세요.',
    cc: '참조',
    bcc: '숨은 참조',
    addressesHint: '주소를 쉼표로 구분해 입력하세요.',
  },
  sms: {
    text: '내용',
    size: {
      sms: 'SMS · {{bytes}} / {{limit}}바이트',
      lms: 'LMS (장문) · {{bytes}} / {{limit}}바이트',
      too_long: '너무 깁니다: {{bytes}}바이트로 LMS 한도 {{limit}}바이트를 넘습니다',
    },
    sizeAbout: {
      sms: 'SMS · 약 {{bytes}} / {{limit}}바이트',
      lms: 'LMS (장문) · 약 {{bytes}} / {{limit}}바이트',
      too_long: '너무 깁니다: 약 {{bytes}}바이트로 LMS 한도 {{limit}}바이트를 넘습니다',
    },
    sizeHint:
      '통신사 기준으로 셉니다: 한글은 2바이트, 영문·숫자·공백은 1바이트입니다. {{sms}}바이트까지는 SMS, 그보다 길면 LMS로 보냅니다.',
    templatedHint: '입력한 그대로 셉니다: 병합 변수가 채워지면 연락처마다 길이가 달라집니다.',
  },
  kakao: {
    templateCode: '템플릿 코드',
    templateCodeHint: '카카오가 이 메시지로 승인한 알림톡 템플릿의 코드입니다.',
    text: '내용',
    textHint: '승인된 템플릿 그대로 입력하세요. 템플릿과 다르면 카카오가 발송을 거부합니다.',
    buttons: '버튼',
    button: '버튼 {{number}}',
    buttonName: '버튼 이름',
    buttonNameHint: '최대 {{max}}자입니다.',
    buttonUrl: '링크',
    addButton: '버튼 추가',
    removeButton: '버튼 {{number}} 삭제',
    buttonsFull: '알림톡 버튼은 최대 {{max}}개입니다.',
    noButtons: '버튼이 없습니다.',
    fallbackSms: '대체 문자',
    fallbackSmsHint:
      '알림톡을 받을 수 없을 때(카카오톡 미사용, 차단) 대신 보내는 문자입니다. 비워 두면 아무것도 보내지 않습니다.',
  },
  task: {
    kind: '종류',
    kinds: {
      call: '전화',
      todo: '할 일',
      manual_email: '직접 보내는 메일',
      other: '기타',
    },
    title: '제목',
    note: '메모',
    noteHint: '할 일을 맡은 사람이 알아야 할 내용입니다.',
    assignee: '담당자',
    assignees: {
      owner: '연락처 담당자',
      email: '다른 사람 (이메일 주소)',
    },
    assigneeEmail: '담당자 이메일 주소',
    waitForCompletion: '완료될 때까지 대기',
    waitForCompletionHint:
      '할 일이 끝날 때까지 연락처가 이 단계에 머뭅니다. 선택하지 않으면 바로 다음 단계로 넘어갑니다.',
  },
};
