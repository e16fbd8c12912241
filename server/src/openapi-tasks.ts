import { withErrors } from './openapi-errors.ts';
import { type Json, json, jsonBody, obj, pageParams } from './openapi-parts.ts';

/** The OpenAPI paths of tasks and stopping an enrollment by hand (routes/tasks.ts). */
export function taskPaths(): Json {
  const page = pageParams('after', { type: 'integer', minimum: 1 }, 100, 1000);
  const enrollment = obj({
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string' },
    node: { type: ['string', 'null'] },
  });
  return {
    '/api/tasks': {
      get: withErrors(
        'get',
        {
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
                  draft: {
                    description: 'for a manual message: the rendered draft to send by hand',
                  },
                  dueAt: { type: ['string', 'null'], format: 'date-time' },
                  status: { enum: ['open', 'done'] },
                  completedAt: { type: ['string', 'null'], format: 'date-time' },
                }),
              },
              'The tasks',
            ),
          },
        },
        { 400: { codes: ['invalid_query'], note: 'A bad `status`, `limit` or `after`.' } },
      ),
    },
    '/api/tasks/{id}/complete': {
      post: withErrors(
        'post',
        {
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
          },
        },
        { 404: ['task_not_found'] },
      ),
    },
    '/api/enrollments/{id}/stop': {
      post: withErrors(
        'post',
        {
          operationId: 'stopEnrollment',
          summary: "Stop an enrollment: it ends `stopped`, what it queued isn't sent",
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          requestBody: jsonBody(
            {
              type: 'object',
              additionalProperties: false,
              properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
            },
            false,
          ),
          responses: {
            200: json(enrollment, 'Stopped (or ended already: its status)'),
          },
        },
        {
          400: {
            codes: ['invalid_body', 'unknown_property'],
            note: '`reason`, when given, is a non-blank string of at most 500 characters.',
          },
          404: ['enrollment_not_found'],
        },
      ),
    },
  };
}
