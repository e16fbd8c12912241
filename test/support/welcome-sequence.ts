/** A Korean welcome email behind a manual entry, with the 고객명 alias: the preview tests' sequence. */
export function welcomeSequence(id: string) {
  return {
    format: 'nudge.sequence/v1',
    id,
    name: '신규 고객 환영',
    settings: {
      sender: { name: '넛지 김지훈', email: 'jihoon@nudge.example' },
      variables: { 고객명: 'contact.name' },
    },
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'welcome',
        type: 'email',
        data: {
          subject: '{{고객명}}님, 안녕하세요',
          body: '<p>{{ contact.company | default: "귀사" }}의 도입을 환영합니다.</p><p><a href="https://nudge.example/start">시작하기</a></p>',
          format: 'html',
          mode: 'auto',
        },
      },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'welcome' }],
  };
}
