/** @nudge/schema: the sequence format v1, its JSON Schema, its validator and its migrations. */
export {
  type CheckedFile,
  checkSequenceBytes,
  checkSequenceText,
} from './check.ts';
export {
  type CheckedContact,
  CONTACT_EMAIL,
  type Contact,
  type ContactOwner,
  type ContactProblem,
  checkContact,
  consentsToNightAds,
  NIGHT_ADS_CONSENT,
} from './contact.ts';
export { contactJsonSchema } from './contact-schema.ts';
export {
  type Change,
  diffSequences,
  type EdgeRef,
  type SequenceDiff,
  type StepChange,
  type StepRef,
} from './diff.ts';
export { type RuleField, ruleFields, type TemplateField, templateFields } from './fields.ts';
export { FORMAT_V1, LIMITS } from './format.ts';
export { isBranching, sourceHandles } from './handles.ts';
export { type DecodedText, decodeText } from './json/decode.ts';
export { locatePointers } from './json/locate.ts';
export { depthExceededAt, type JsonSyntaxError, type ParsedJson, parseJson } from './json/parse.ts';
export { positionAt, positionsAt, type TextPosition } from './json/position.ts';
export { createLiquid, liquidMessage } from './liquid.ts';
export { type MigrationResult, migrate } from './migrate.ts';
export {
  NODE_DATA,
  NODE_TYPES,
  type NodeData,
  type NodeOf,
  type NodeType,
  type Position,
  type SequenceNode,
  TASK_KINDS,
  type TaskKind,
  type TemplateLink,
  type Trigger,
} from './nodes.ts';
export { TIME_UNITS, type TimeUnit, WEEKDAYS, type Weekday } from './primitives.ts';
export {
  escapePointerToken,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  pointerOf,
  pointerTokens,
} from './problem.ts';
export {
  isProblemLanguage,
  PROBLEM_LANGUAGES,
  PROBLEM_MESSAGES,
  type ProblemLanguage,
  problemMessage,
  problemText,
} from './problem-messages/index.ts';
export {
  type EventRule,
  FIELD_OPS,
  type FieldRule,
  RULE_EVENTS,
  type Rule,
  ruleDepth,
  ruleSize,
} from './rule.ts';
export { type Sequence, type SequenceEdge, sequenceJsonSchema } from './sequence.ts';
export {
  BUILTIN_VARIABLES,
  type ResolvedSettings,
  resolveSettings,
  type Schedule,
  type Settings,
} from './settings.ts';
export {
  keepTemplateAnalyses,
  MERGE_CONTEXT,
  type TemplateAnalyses,
  templateAnalyses,
} from './templates.ts';
export { type BadText, badCharacter, findBadText, findBadTexts, textProblem } from './text.ts';
export { isTimeZone } from './timezone.ts';
export { type ValidateOptions, type ValidationResult, validateSequence } from './validate.ts';
export { editValidator } from './validate-edits.ts';
export { writeSequence } from './write.ts';
