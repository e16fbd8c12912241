/**
 * UTC offsets of an IANA zone, fast. Asking Intl (or luxon, which asks Intl) for an offset costs
 * several microseconds, too slow for the interpreter's hot path, so each zone keeps a table of
 * its offset changes per span of about a year, found once by sampling and bisection, and then
 * answers from the table.
 */
import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './civil.ts';

/** A span of 2^35 ms (~398 days): the unit in which a zone's offset changes are looked up. */
const SPAN_MS = 2 ** 35;
/** Offset changes closer together than this may be missed (none exist in the tz database). */
const SAMPLE_MS = 4 * DAY_MS;
/** Bounds, so that a long-running worker does not grow without limit. */
const MAX_SPANS_PER_ZONE = 64;
const MAX_ZONES = 512;
/** Wider than any UTC offset (-12h..+14h), so one sample is surely before a change, one after. */
const AROUND_MS = 1.5 * DAY_MS;

/** Offsets valid from each start on, until the next start. */
interface Span {
  starts: number[];
  offsets: number[];
}

export class Zone {
  readonly name: string;
  readonly #luxon: IANAZone;
  readonly #spans = new Map<number, Span>();
  #lastIndex = Number.NaN;
  #last: Span | undefined;

  constructor(name: string) {
    const luxon = IANAZone.create(name);
    if (!luxon.isValid) throw new RangeError(`"${name}" is not an IANA time zone`);
    this.name = name;
    this.#luxon = luxon;
  }

  /** The UTC offset at an instant, in ms (local = instant + offset). */
  offsetAt(at: number): number {
    const index = Math.floor(at / SPAN_MS);
    const span = index === this.#lastIndex ? this.#last : this.#span(index);
    if (span === undefined) throw new Error('unreachable');
    const { starts, offsets } = span;
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > at) i--;
    return offsets[i] as number;
  }

  /** The local wall time of an instant. */
  toWall(at: number): number {
    return at + this.offsetAt(at);
  }

  /**
   * The instant of a local wall time. In a spring-forward gap the clock time moves forward by
   * the gap (02:30 → 03:30 in New York); in a fall-back overlap the earlier instant is used.
   */
  fromWall(wall: number): number {
    const before = this.offsetAt(wall - AROUND_MS);
    const after = this.offsetAt(wall + AROUND_MS);
    if (before === after) return wall - before;
    const early = wall - before;
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // A gap: read the clock time with the offset in force before it, i.e. shifted forward.
    return early;
  }

  #span(index: number): Span {
    let span = this.#spans.get(index);
    if (span === undefined) {
      if (!Number.isFinite(index)) throw new RangeError(`${index * SPAN_MS} is not an instant`);
      if (this.#spans.size >= MAX_SPANS_PER_ZONE) this.#spans.clear();
      span = this.#scan(index * SPAN_MS, (index + 1) * SPAN_MS);
      this.#spans.set(index, span);
    }
    this.#lastIndex = index;
    this.#last = span;
    return span;
  }

  #offset(at: number): number {
    return this.#luxon.offset(at) * MINUTE_MS;
  }

  /** Samples [from, to) and bisects each change down to the millisecond. */
  #scan(from: number, to: number): Span {
    const starts = [from];
    const offsets = [this.#offset(from)];
    let previousAt = from;
    let previous = offsets[0] as number;
    for (let at = from + SAMPLE_MS; ; at += SAMPLE_MS) {
      const sampleAt = Math.min(at, to - 1);
      const offset = this.#offset(sampleAt);
      if (offset !== previous) {
        let lo = previousAt;
        let hi = sampleAt;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.#offset(mid) === previous) lo = mid;
          else hi = mid;
        }
        starts.push(hi);
        offsets.push(offset);
        previous = offset;
      }
      previousAt = sampleAt;
      if (sampleAt >= to - 1) break;
    }
    return { starts, offsets };
  }
}

const zones = new Map<string, Zone>();

/** The zone of an IANA name (cached); throws a RangeError for a name that is not a zone. */
export function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = new Zone(name);
    if (zones.size >= MAX_ZONES) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}
