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
};
