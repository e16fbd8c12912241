import { type Static, type TObject, type TSchema, Type } from '@sinclair/typebox';
import { problemMessage } from './problem-messages/index.ts';

/**
 * Custom annotation that the validator turns into one clear problem in place of the noise
 * that a failing `anyOf`/`not` produces. Ignored by other JSON Schema tools.
 */
export const ERROR_ANNOTATION = 'x-nudge-error';

export interface ErrorAnnotation {
  code: 'invalid_value' | 'invalid_rule';
  /** Which of the code's messages (problem-messages): the problem's params are { kind }. */
  kind: string;
  /** The English message, for other JSON Schema tools and readers of the schema. */
  message: string;
}

export function annotated<T extends TSchema>(
  schema: T,
  error: Omit<ErrorAnnotation, 'message'>,
): T {
  return { ...schema, [ERROR_ANNOTATION]: annotation(error) };
}

/** An annotation with its English message from the catalogue, as the validator will say it. */
export function annotation(error: Omit<ErrorAnnotation, 'message'>): ErrorAnnotation {
  return { ...error, message: problemMessage(error.code, { kind: error.kind }) };
}

type Variants = Record<string, TObject>;

type Tagged<K extends string, V extends Variants> = {
  [P in keyof V & string]: { [Q in K]: P } & Static<V[P]>;
}[keyof V & string];

/**
 * An object told apart by a string property (`kind`, `type`): `if kind is X then the X shape`.
 * Unlike `oneOf`, this gives one precise error per mistake ("unknown property in a segment
 * trigger") instead of one error for every variant that did not match.
 */
export function Discriminated<K extends string, V extends Variants>(
  key: K,
  variants: V,
  description: string,
) {
  const names = Object.keys(variants);
  return Type.Unsafe<Tagged<K, V>>({
    type: 'object',
    description,
    required: [key],
    properties: { [key]: { type: 'string', enum: names } },
    allOf: names.map((name) => {
      const variant = variants[name] as TObject;
      return {
        if: { required: [key], properties: { [key]: { const: name } } },
        then: {
          ...variant,
          properties: { [key]: { const: name }, ...variant.properties },
          required: [key, ...(variant.required ?? [])],
          additionalProperties: false,
        },
      };
    }),
  });
}
