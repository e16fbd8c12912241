import { error, type Json, json, obj, pageParams } from './openapi-parts.ts';

/** The OpenAPI paths of tasks and stopping an enrollment by hand (routes/tasks.ts). */
export function taskPaths(): Json {
  const unauthorized = error('`unauthorized`: no token, or not a valid one');
  const forbidden = error("`forbidden`: a viewer's token (read only)");
  const page = pageParams('after', { type: 'integer', minimum: 1 }, 100, 1000);
  const enrollment = obj({
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string' },
    node: { type: ['string', 'null'] },
  });
  return {
    '/api/tasks': {
      get: {
        operationId: 'listTasks',
        summary: "The workspace's tasks (calls, to-dos, manual messages), oldest first",
        parameters: [
          { name: 'status', in: 'query', schema: { enum: ['open', 'done'], default: 'open' } },
          {
            name: 'assignee',
            in: 'query',
            schema: { type: 'string' },
            description: 'an email address (any case)',
          },
          ...page,
        ],
        responses: {
          200: json(
            {
              type: 'array',
              items: obj({
                id: { type: 'integer' },
                sequenceId: { type: 'string' },
                enrollmentId: { type: 'string', format: 'uuid' },
                contactId: { type: 'string' },
                node: { type: 'string' },
                kind: { enum: ['call', 'todo', 'manual_email', 'other'] },
                title: { type: 'string' },
                note: { type: ['string', 'null'] },
                assignee: { type: ['string', 'null'] },
                channel: { type: ['string', 'null'], enum: ['email', 'sms', 'kakao', null] },
                draft: { description: 'for a manual message: the rendered draft to send by hand' },
                dueAt: { type: ['string', 'null'], format: 'date-time' },
                status: { enum: ['open', 'done'] },
                completedAt: { type: ['string', 'null'], format: 'date-time' },
              }),
            },
            'The tasks',
          ),
          400: error('`invalid_query`: a bad `status`, `limit` or `after`'),
          401: unauthorized,
        },
      },
    },
    '/api/tasks/{id}/complete': {
      post: {
        operationId: 'completeTask',
        summary: 'Mark a task done: its enrollment moves on if it waited for it',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          200: json(
            obj({
              id: { type: 'integer' },
              completed: { type: 'boolean', description: 'false: it was done already' },
              enrollment,
            }),
            'Done',
          ),
          401: unauthorized,
          403: forbidden,
          404: error('`task_not_found`: no such task in the workspace'),
        },
      },
    },
    '/api/enrollments/{id}/stop': {
      post: {
        operationId: 'stopEnrollment',
        summary: "Stop an enrollment: it ends `stopped`, what it queued isn't sent",
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { reason: { type: 'string', maxLength: 500 } },
              },
            },
          },
        },
        responses: {
          200: json(enrollment, 'Stopped (or ended already: its status)'),
          400: error('`invalid_json`, `invalid_body`, `unknown_property`: the body is malformed'),
          401: unauthorized,
          403: forbidden,
          404: error('`enrollment_not_found`: no such enrollment in the workspace'),
        },
      },
    },
  };
}
