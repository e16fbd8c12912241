import { LIMITS } from '../format.ts';
import type { Params } from './types.ts';

/** The Korean words of the Korean messages: fields, step types, JSON types, descriptions. */

const FIELDS: Record<string, string> = {
  subject: '제목',
  body: '내용',
  fallbackSms: '대체 문자',
  title: '할 일 제목',
  note: '메모',
};

/** A message field in Korean: "제목", "2번째 버튼 링크"; one it does not know, as it is. */
export function field(name: string | undefined): string {
  const button = /^buttons\.(\d+)\.url$/.exec(name ?? '');
  if (button) return `${Number(button[1]) + 1}번째 버튼 링크`;
  return (name && FIELDS[name]) || (name ?? '');
}

const STEP_TYPES: Record<string, string> = {
  entry: '시작',
  email: '이메일',
  sms: '문자',
  kakao: '알림톡',
  task: '할 일',
  delay: '대기',
  condition: '조건 분기',
  wait_for: '반응 대기',
  split: 'A/B 분할',
  update_contact: '연락처 업데이트',
  exit: '종료',
};

/** A step as the Korean messages name it: `"welcome" 이메일 단계` (ends in 단계, for particles). */
export function step(p: Params): string {
  const kind = p.nodeType ? (STEP_TYPES[p.nodeType] ?? p.nodeType) : '';
  return `"${p.nodeId}" ${kind ? `${kind} ` : ''}단계`;
}

const TYPES: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  integer: '정수',
  boolean: 'true/false',
  object: '객체',
  array: '배열',
  null: 'null',
};

/** A JSON type (or a list of them, "string,number") in Korean. */
export function type(expected: string | undefined): string {
  const names = (expected ?? '').split(',').map((t) => TYPES[t] ?? t);
  return names.length > 1 ? `${names.join(', ')} 중 하나의` : (names[0] ?? '');
}

/** A value as the Korean messages quote it: strings in JSON quotes, arrays and objects by kind. */
export function what(p: Params): string {
  if (p.valueKind === 'array') return '배열';
  if (p.valueKind === 'object') return '객체';
  return p.value ?? '';
}

export const handles = (list: string | undefined, or: string) => (list ?? '').split(', ').join(or);

export const number = (n: string | undefined) => Number(n).toLocaleString('en-US');

export function steps(p: Params): string {
  return p.work === 'unbounded' ? '끝없이 많은 단계가' : `약 ${number(p.work)}단계가`;
}

/** The schema's descriptions of formats (primitives.ts), in Korean. */
export const DESCRIPTIONS: Record<string, string> = {
  'an id of 1-64 letters, digits, "_" or "-"': '영문자, 숫자, "_", "-"로 된 1~64자 ID',
  'a sequence id: a lowercase letter or digit, then up to 63 of a-z, 0-9, "_" or "-"':
    '시퀀스 ID: 영문 소문자나 숫자로 시작하고, 이어서 a-z, 0-9, "_", "-"를 최대 63자',
  'a local time as HH:MM, 00:00 to 23:59': '00:00~23:59 사이의 HH:MM 형식 시각',
  'a local time as HH:MM, 00:01 to 24:00': '00:01~24:00 사이의 HH:MM 형식 시각',
  'an ISO 3166-1 alpha-2 country code such as "KR" or "US"':
    '"KR", "US" 같은 ISO 3166-1 alpha-2 국가 코드',
  'a tag of 1-64 characters': '1~64자 태그',
  [`a contact path: contact.<field> (id, email, phone, name, company, title, timezone, locale, unsubscribed, tags), contact.owner.<name|email|phone> or contact.attributes.<key> (up to ${LIMITS.rule.attributeKeys} keys: contact.attributes.<key>.<key>...; at most ${LIMITS.rule.pathChars} characters)`]: `연락처 경로: contact.<필드>(id, email, phone, name, company, title, timezone, locale, unsubscribed, tags), contact.owner.<name|email|phone> 또는 contact.attributes.<키>(키는 최대 ${LIMITS.rule.attributeKeys}단계: contact.attributes.<키>.<키>…, 최대 ${LIMITS.rule.pathChars}자)`,
  'an email address': '이메일 주소',
  'the sequence id (optional on import)': '시퀀스 ID(가져올 때는 생략 가능)',
  'the IANA zone used when the contact has none, or useContactTimezone is false':
    '연락처에 시간대가 없거나 useContactTimezone이 false일 때 쓰는 IANA 시간대',
  'the local time sends go out, HH:MM': '발송 시각(현지 시각, HH:MM)',
  'the local time the window opens, HH:MM': '발송 시간대가 열리는 현지 시각(HH:MM)',
  'the local time the window closes (not included), HH:MM':
    '발송 시간대가 닫히는 현지 시각(HH:MM, 이 시각은 포함하지 않음)',
  'the id of the template in the workspace': '워크스페이스에 있는 템플릿의 ID',
  'a contact date field, e.g. contact.attributes.renewal_date':
    '연락처의 날짜 필드(예: contact.attributes.renewal_date)',
  'the local time on that day (default 00:00)': '그날의 현지 시각(기본값 00:00)',
  'the branch id, which is also its handle': '분기 ID(연결점 이름으로도 쓰임)',
  'the id of the node the edge leaves': '연결선이 나오는 단계의 ID',
  'the id of the node the edge enters': '연결선이 들어가는 단계의 ID',
  'the handle of a branching node: yes/no (condition), met/timeout (wait_for) or a branch id (split); absent for other nodes':
    '분기 단계의 연결점: yes/no(조건 분기), met/timeout(반응 대기) 또는 분기 ID(A/B 분할). 다른 단계에는 없음',
  'the node whose message the event must concern': '이벤트가 관련되어야 하는 메시지를 보낸 단계',
  'a writable contact path: contact.<email|phone|name|company|title|timezone|locale>, contact.owner.<name|email|phone> or contact.attributes.<key>':
    '값을 바꿀 수 있는 연락처 경로: contact.<email|phone|name|company|title|timezone|locale>, contact.owner.<name|email|phone> 또는 contact.attributes.<key>',
  'a contact path, owner.<name|email|phone>, sender.<name|email|replyTo> or sequence.name':
    '연락처 경로, owner.<name|email|phone>, sender.<name|email|replyTo> 또는 sequence.name',
  'a variable name of letters, digits and "_" (Korean included) that does not start with a digit and is not contact, owner, sender or sequence':
    '문자(한글 포함), 숫자, "_"로 된 변수 이름(숫자로 시작하지 않고 contact, owner, sender, sequence가 아닌 것)',
};
