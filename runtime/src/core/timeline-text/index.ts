export {
  actionText,
  deferralText,
  describeEntry,
  localClock,
  localText,
  noteText,
  relative,
  type SimulatedTimeline,
  statusPart,
  type TimelinePart,
} from './describe.ts';
export { type LocalTime, localTime } from './local-time.ts';
export { TIMELINE_WORDS, type TimelineLanguage, type TimelineWords } from './words.ts';
