import { DESCRIPTIONS, field, handles, number, step, steps, type, what } from './ko-words.ts';
import type { MessageCatalogue, Params } from './types.ts';

/**
 * The validator's messages in Korean, for a Korean marketer (합니다 style), from the same
 * params as the English ones. Sentences put a noun after each quoted value ("welcome" 단계,
 * "abc" 값) so that their particles read right whatever the value is.
 */

const ANNOTATIONS: Record<string, string> = {
  assignee: '담당자는 "owner"(연락처의 담당자) 또는 이메일 주소여야 합니다.',
  set_value: '연락처 필드에는 문자열, 숫자, true/false 또는 null만 설정할 수 있습니다.',
  exists_value:
    '"exists" 비교에는 값을 쓰지 않습니다. "존재하지 않음"을 확인하려면 {"not": RULE}을 쓰세요.',
  compare_value: 'gt, gte, lt, lte는 숫자나 날짜 문자열과 비교합니다.',
  event_name: '"name"은 사용자 정의(custom) 이벤트에만 씁니다.',
};

const COMPARISONS: Record<string, string> = {
  '>=': '이상이어야',
  '<=': '이하여야',
  '>': '보다 커야',
  '<': '보다 작아야',
};

const described = (p: Params, fallback: string) =>
  (p.description && DESCRIPTIONS[p.description]) || p.description || fallback;

function invalidValue(p: Params): string {
  switch (p.kind) {
    case 'name':
      return `"${p.name}" 이름은 쓸 수 없습니다. 필요한 형식: ${described(p, '여기에 쓸 수 있는 이름')}.`;
    case 'enum':
      return `${what(p)} 값은 쓸 수 없습니다. ${p.allowed} 중 하나여야 합니다.`;
    case 'const':
      return `${p.allowed} 값이어야 하는데 ${what(p)} 값입니다.`;
    case 'format':
      return p.format === 'email'
        ? `${what(p)} 값은 이메일 주소가 아닙니다.`
        : `${what(p)} 값은 ${p.format} 형식이 아닙니다.`;
    case 'pattern':
      return `${what(p)} 값의 형식이 맞지 않습니다. 필요한 형식: ${described(p, `${p.pattern} 형식`)}.`;
    case 'empty':
      return '비어 있으면 안 됩니다.';
    case 'minLength':
      return `${p.limit}자 이상이어야 합니다.`;
    case 'maxLength':
      return `${p.limit}자 이하여야 합니다.`;
    case 'minItems':
      return `항목이 ${p.limit}개 이상이어야 합니다.`;
    case 'maxItems':
      return `항목이 ${p.limit}개 이하여야 합니다.`;
    case 'uniqueItems':
      return `${p.first}번 항목과 ${p.second}번 항목이 같습니다.`;
    case 'minProperties':
      return `속성을 ${p.limit}개 이상 설정해야 합니다.`;
    case 'maxProperties':
      return `속성이 ${p.limit}개 이하여야 합니다.`;
    case 'compare': {
      const bound = COMPARISONS[p.comparison ?? ''];
      return bound
        ? `${what(p)} 값은 ${p.limit}${bound.startsWith('보다') ? '' : ' '}${bound} 합니다.`
        : `${what(p)} 값은 ${p.comparison} ${p.limit}이어야 합니다.`;
    }
    case 'whole':
      return '정수여야 합니다.';
    case 'attribute_text':
      return `"${p.path}" 값이 ${p.length}자입니다. 속성 값은 최대 ${p.limit}자까지 쓸 수 있습니다.`;
    case 'attribute_name':
      return `속성 이름 "${p.name}"의 길이는 1~${p.limit}자여야 합니다.`;
    case 'contact':
      return `이 단계가 설정하는 값이 연락처에 맞지 않습니다: ${p.detail}`;
    case 'holiday_calendar':
      return `"${p.country}" 국가의 공휴일 달력이 없습니다.`;
    default:
      return (
        ANNOTATIONS[p.kind ?? ''] ??
        (p.detail ? `여기에 쓸 수 없는 값입니다: ${p.detail}` : '여기에 쓸 수 없는 값입니다.')
      );
  }
}

function costly(p: Params): string {
  const at = `${p.source}(${p.line}번째 줄, ${p.column}번째 칸)`;
  const limit = number(p.limit);
  const counts = '(반복 한 번, 실행되는 부분 하나, 범위의 숫자 하나가 각각 한 단계입니다)';
  const where = field(p.field);
  switch (p.kind) {
    case 'unsized':
      return `${where}에서 경계가 숫자가 아닌 범위를 씁니다: ${at}. 실행하기 전에는 크기를 알 수 없으니 숫자를 쓰세요. 이런 범위는 "limit: N"이 있는 반복문만 돌 수 있습니다.`;
    case 'unbounded':
      return `${where}에 경계가 숫자가 아닌 범위를 도는 반복문이 있습니다: ${at}. 실행하기 전에는 크기를 알 수 없으니 숫자를 쓰거나 반복문에 "limit: N"을 붙이세요.`;
    case 'loop':
      return `${where} 처리에 ${steps(p)} 걸릴 수 있습니다(${at}부터). 템플릿은 최대 ${limit}단계까지 처리할 수 있습니다${counts}. 반복할 항목을 줄이거나 "limit: N"을 붙이세요.`;
    default:
      return `${where} 처리에 ${steps(p)} 걸릴 수 있습니다. 템플릿은 최대 ${limit}단계까지 처리할 수 있습니다${counts}.`;
  }
}

function withoutDefault(p: Params): string {
  const where = field(p.field);
  const fix = `| default: "${p.fix}" 필터를 붙이세요.`;
  if (p.at === 'only')
    return `${where}에 기본값 없는 ${p.output}만 있습니다. 이 값이 없는 연락처가 받는 ${where}: (비어 있음). ${fix}`;
  return `${where} 맨 ${p.at === 'start' ? '앞' : '끝'}의 ${p.output}에 기본값이 없습니다. 이 값이 없는 연락처는 "${p.gets}"만 받습니다. ${fix}`;
}

function badText(p: Params): string {
  const where = p.kind === 'name' ? `속성 이름 ${p.name}` : p.name ? `"${p.name}" 값` : '이 문자열';
  const found =
    p.character === '\\u0000'
      ? 'NUL 문자(\\u0000)가'
      : `텍스트가 아닌 짝 없는 서로게이트 문자(${p.character})가`;
  return `${where}의 ${p.position}번째 글자에 ${found} 있습니다. Nudge는 텍스트만 저장합니다.`;
}

export const ko: MessageCatalogue = {
  not_an_object: () =>
    '시퀀스 파일은 "format", "name", "nodes", "edges"가 있는 JSON 객체여야 합니다.',
  unsupported_format: (p) =>
    p.kind === 'missing'
      ? `파일에 "format"이 없습니다. v1 시퀀스는 "format": "${p.supported}"로 시작합니다.`
      : `${p.found} 형식은 지원하지 않습니다${p.kind === 'newer' ? '(더 새로운 Nudge에서 만든 파일일 수 있습니다)' : ''}. 이 Nudge는 "${p.supported}" 형식을 읽습니다.`,
  too_deep: (p) =>
    p.line === undefined
      ? `파일의 중첩이 ${p.limit}단계보다 깊습니다.`
      : `파일의 중첩이 ${p.limit}단계보다 깊어(${p.line}번째 줄, ${p.column}번째 칸) 그 뒤는 읽지 않습니다.`,
  too_many_nodes: (p) =>
    `시퀀스의 단계가 ${p.count}개입니다. 단계는 최대 ${p.limit}개까지 둘 수 있습니다.`,
  too_many_edges: (p) =>
    `시퀀스의 연결선이 ${p.count}개입니다. 연결선은 최대 ${p.limit}개까지 둘 수 있습니다.`,
  too_many_properties: (p) =>
    `이 객체의 속성이 ${p.count}개입니다. 속성은 최대 ${p.limit}개까지 둘 수 있습니다.`,
  too_many_values: (p) =>
    `파일의 값(객체, 배열, 문자열, 숫자 등)이 ${number(p.limit)}개보다 많습니다. 이렇게 많은 값이 필요한 시퀀스는 없습니다.`,
  too_many_problems: (p) =>
    p.kind === 'unknown'
      ? '목록에 없는 문제가 더 있습니다. 위의 문제부터 고치세요.'
      : `목록에 없는 문제가 ${p.kind === 'atLeast' ? '적어도 ' : ''}${p.count}개 더 있습니다. 위의 문제부터 고치세요.`,
  invalid_text: badText,
  missing_property: (p) => `필수 속성 "${p.property}" 항목이 없습니다.`,
  unknown_property: (p) =>
    `알 수 없는 속성 "${p.property}" 항목입니다.${p.hint ? ` 혹시 "${p.hint}" 속성을 쓰려고 하셨나요?` : p.allowed ? ` 쓸 수 있는 속성: ${p.allowed}.` : ''}`,
  invalid_type: (p) => `${type(p.expected)} 값이어야 하는데 ${what(p)} 값입니다.`,
  invalid_value: invalidValue,
  invalid_timezone: (p) => `${what(p)} 값은 IANA 시간대가 아닙니다(예: "Asia/Seoul", "UTC").`,
  invalid_rule: () => 'RULE에는 "all", "any", "not", "field", "event" 중 하나가 있어야 합니다.',
  rule_too_deep: (p) => `이 RULE의 중첩이 ${p.limit}단계보다 깊습니다.`,
  rule_too_large: (p) =>
    p.kind === 'values'
      ? `이 RULE에서 비교하는 값이 모두 합쳐 ${p.limit}개보다 많습니다.`
      : `이 RULE의 조건과 그룹이 ${p.limit}개보다 많습니다.`,
  template_too_large: (p) =>
    `${field(p.field)}의 크기가 ${p.bytes}바이트입니다. 템플릿은 최대 ${p.limit}바이트까지 쓸 수 있습니다.`,
  entry_missing: () => '시퀀스에 시작 단계가 없습니다. 유형이 "entry"인 단계를 하나 추가하세요.',
  entry_multiple: (p) =>
    `시작 단계는 하나만 둘 수 있는데 이미 "${p.entry}" 단계가 시작 단계입니다. 트리거 여러 개를 시작 단계 하나에 넣으세요.`,
  edge_into_entry: (p) => `시작 단계("${p.target}")로 들어오는 연결선은 둘 수 없습니다.`,
  unknown_source: (p) => `연결선이 나오는 "${p.source}" 단계가 이 시퀀스에 없습니다.`,
  unknown_target: (p) => `연결선이 가리키는 "${p.target}" 단계가 이 시퀀스에 없습니다.`,
  duplicate_node_id: (p) => `다른 단계가 이미 "${p.id}" ID를 쓰고 있습니다.`,
  duplicate_edge_id: (p) => `다른 연결선이 이미 "${p.id}" ID를 쓰고 있습니다.`,
  duplicate_branch_id: (p) => `이 분할의 다른 분기가 이미 "${p.id}" ID를 쓰고 있습니다.`,
  unknown_handle: (p) => {
    switch (p.kind) {
      case 'end':
        return `${step(p)}는 시퀀스를 끝내는 단계라서 나가는 연결선을 둘 수 없습니다.`;
      case 'unnamed':
        return `${step(p)}에는 이름 없는 연결점이 하나뿐입니다. "sourceHandle"을 지우세요.`;
      case 'missing':
        return `${step(p)}에서 나가는 연결선에는 "sourceHandle"이 있어야 합니다: ${handles(p.handles, ' 또는 ')}.`;
      default:
        return `${step(p)}에는 ${p.handle} 연결점이 없습니다(있는 연결점: ${p.handles}).`;
    }
  },
  handle_multiple_edges: (p) =>
    `${step(p)}의 ${p.handle ? `"${p.handle}" 연결점` : '연결점'}은 이미 "${p.target}" 단계로 이어집니다${p.edge ? `(연결선 "${p.edge}")` : ''}. 연결점 하나에는 연결선을 하나만 둘 수 있습니다.`,
  cycle: (p) => `이 연결선이 순환을 만듭니다(${p.path}). 시퀀스는 앞 단계로 되돌아갈 수 없습니다.`,
  unreachable: (p) => `시작 단계에서 ${step(p)}로 가는 경로가 없습니다.`,
  unknown_node_ref: (p) => `RULE이 가리키는 "${p.nodeId}" 단계가 이 시퀀스에 없습니다.`,
  invalid_node_ref: (p) =>
    `RULE이 가리키는 ${step(p)}는 메시지를 보내지 않습니다. 이메일, 문자, 알림톡 단계를 지정하세요.`,
  schedule_empty_window: (p) =>
    `발송 시간대의 종료 시각(${p.end})이 시작 시각(${p.start})보다 늦지 않아 발송할 수 있는 시간이 없습니다.`,
  liquid_syntax: (p) => `${field(p.field)}의 템플릿 문법이 올바르지 않습니다: ${p.error}`,
  template_too_costly: costly,
  thread_without_email: (p) =>
    `"${p.nodeId}" 이메일 단계에 제목이 없어 앞선 이메일의 스레드에 답장으로 이어지는데, 앞에 이메일 없이 이 단계에 이르는 경로가 있습니다. 제목을 넣으세요.`,
  unconnected_handle: (p) =>
    `${step(p)}의 "${p.handle}" 분기가 어디로도 이어지지 않습니다. 이 분기로 가는 연락처의 시퀀스는 그곳에서 끝납니다.`,
  unknown_variable: (p) =>
    `${field(p.field)}에 쓴 변수 {{ ${p.name} }}(${p.line}번째 줄, ${p.column}번째 칸)에 해당하는 연락처 필드나 별칭이 없습니다. 빈 값으로 표시됩니다.`,
  variable_without_default: withoutDefault,
  ad_label_missing: (p) =>
    `광고 ${step(p)}의 ${field(p.field)}이 "${p.label}"로 시작하지 않습니다. 광고 ${p.nodeType === 'sms' ? '문자는' : '이메일은'} 맨 앞에 광고임을 밝혀야 합니다.`,
  ad_unsubscribe_missing: (p) =>
    `광고 ${step(p)}에 수신거부 방법이 없습니다. 내용에 "수신을 원하지 않으시면 수신거부를 눌러 주세요" 같은 문구와 수신거부 링크({{ unsubscribe_url }})를 넣거나, 설정에서 수신거부 바닥글을 켜세요.`,
  ad_sender_missing: (p) =>
    `광고 ${step(p)}에 보내는 사람이 없습니다. 설정에서 발신자를 지정하거나 이 이메일의 "from"을 지정하세요.`,
  ad_opt_out_missing: (p) =>
    `광고 ${step(p)}에 무료 수신거부 방법이 없습니다. "무료수신거부 080-123-4567" 같은 문구를 넣으세요.`,
  ad_alimtalk: (p) =>
    `${step(p)}는 알림톡입니다. 알림톡은 정보성 메시지에만 쓸 수 있고 광고에는 쓸 수 없습니다. 문자나 친구톡으로 보내세요.`,
  split_weights: (p) =>
    `"${p.nodeId}" 분할의 비율 합계가 100이 아니라 ${p.sum}입니다. 각 분기는 전체 합계 중 자기 비율만큼의 몫을 받습니다.`,
};
