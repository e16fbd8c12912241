/**
 * Writing messages: the "Insert variable" menu beside template fields, the email body's rich
 * text and HTML source modes, its plain-text part. English and Korean side by side; `ko` must
 * have exactly the keys of `en`. The texts are reached as `t('compose.…')`.
 */
export const en = {
  variables: {
    insert: 'Insert variable',
    menu: 'Variables',
    search: 'Search variables',
    placeholder: 'Name, field or alias…',
    empty: 'No variable matches.',
    groups: {
      fields: 'Contact fields',
      attributes: 'Attributes in this sequence',
      aliases: 'Aliases',
      links: 'Links',
    },
    aliasOf: 'reads {{path}}',
    attribute: 'attribute of the contact',
    fields: {
      contact: {
        name: 'Name',
        email: 'Email',
        phone: 'Phone',
        company: 'Company',
        title: 'Job title',
        timezone: 'Time zone',
        locale: 'Language',
        id: 'Contact id',
      },
      owner: { name: 'Owner’s name', email: 'Owner’s email', phone: 'Owner’s phone' },
      sender: { name: 'Sender’s name', email: 'Sender’s email' },
      sequence: { name: 'Sequence name' },
    },
    links: { unsubscribe_url: 'Unsubscribe link' },
  },
  body: {
    modes: 'How to edit the body',
    rich: 'Rich text',
    source: 'HTML source',
    toolbar: 'Formatting',
    bold: 'Bold',
    italic: 'Italic',
    link: 'Link',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    image: 'Image',
    linkUrl: 'Link address',
    imageUrl: 'Image address (URL)',
    apply: 'Apply',
    removeLink: 'Remove link',
    cancel: 'Cancel',
    loading: 'Loading the rich text editor…',
    refused:
      'This body stays in HTML source: the rich text editor would change or drop some of its HTML (for example Liquid tags around paragraphs, tables, styles or classes).',
    refusedNear: 'The first part it would change:',
    liquidChip: 'Liquid: {{source}}',
    plainText:
      'The plain-text part of the email is made from this HTML when it is sent; CSS in <style> is inlined for mail clients.',
  },
};

export const ko: typeof en = {
  variables: {
    insert: '변수 넣기',
    menu: '변수',
    search: '변수 검색',
    placeholder: '이름, 필드 또는 별칭…',
    empty: '일치하는 변수가 없습니다.',
    groups: {
      fields: '연락처 필드',
      attributes: '이 시퀀스의 속성',
      aliases: '별칭',
      links: '링크',
    },
    aliasOf: '{{path}} 값',
    attribute: '연락처 속성',
    fields: {
      contact: {
        name: '이름',
        email: '이메일',
        phone: '전화번호',
        company: '회사',
        title: '직함',
        timezone: '시간대',
        locale: '언어',
        id: '연락처 ID',
      },
      owner: { name: '담당자 이름', email: '담당자 이메일', phone: '담당자 전화번호' },
      sender: { name: '발신자 이름', email: '발신자 이메일' },
      sequence: { name: '시퀀스 이름' },
    },
    links: { unsubscribe_url: '수신 거부 링크' },
  },
  body: {
    modes: '본문 편집 방식',
    rich: '서식 있는 텍스트',
    source: 'HTML 소스',
    toolbar: '서식',
    bold: '굵게',
    italic: '기울임꼴',
    link: '링크',
    bulletList: '글머리 기호 목록',
    orderedList: '번호 매기기 목록',
    image: '이미지',
    linkUrl: '링크 주소',
    imageUrl: '이미지 주소(URL)',
    apply: '적용',
    removeLink: '링크 삭제',
    cancel: '취소',
    loading: '서식 편집기를 불러오는 중…',
    refused:
      '이 본문은 HTML 소스로 편집합니다. 서식 있는 텍스트 편집기가 일부 HTML을 바꾸거나 지울 수 있습니다(예: 문단을 감싼 Liquid 태그, 표, 스타일, 클래스).',
    refusedNear: '처음 바뀌는 부분:',
    liquidChip: 'Liquid: {{source}}',
    plainText:
      '이메일의 일반 텍스트 부분은 발송할 때 이 HTML로 만들어지고, <style>의 CSS는 메일 앱에 맞게 인라인으로 들어갑니다.',
  },
};
