import type { ProblemCode } from '../problem.ts';

/** A problem's params as a message reads them: any may be absent. */
export type Params = Readonly<Partial<Record<string, string>>>;

/** One message per problem code, made from the problem's params. */
export type MessageCatalogue = { readonly [C in ProblemCode]: (params: Params) => string };
