import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from './scan.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** JSON texts, then the same with a few characters deleted, replaced or inserted. */
const mutated = fc
  .tuple(
    fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'replace'),
        fc.constantFrom(...'{}[],:"\\ \n0-1.eEtfnlu\'/x'),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, kind, ch] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
      else if (kind === 'insert') out = out.slice(0, i) + ch + out.slice(i);
      else out = out.slice(0, i) + ch + out.slice(i + 1);
    }
    return out;
  });

describe('scanJson', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        expect(scanJson(text).ok).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports an offset inside the text (or its end)', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const scanned = scanJson(text);
        if (!scanned.ok) {
          expect(scanned.offset).toBeGreaterThanOrEqual(0);
          expect(scanned.offset).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });

  it('visits every value with its pointer, and stops when asked', () => {
    const seen: string[] = [];
    scanJson('{"a": [1, {"b/c": null}], "": 2}', (pointer) => {
      seen.push(pointer);
      return true;
    });
    expect(seen).toEqual(['', '/a', '/a/0', '/a/1', '/a/1/b~1c', '/']);
    let visits = 0;
    expect(scanJson('[1, 2, 3', () => ++visits < 2)).toEqual({ ok: true });
    expect(visits).toBe(2);
  });

  it('takes any nesting without recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(scanJson(deep)).toEqual({ ok: true });
    expect(scanJson(`${deep}]`).ok).toBe(false);
  });
});
