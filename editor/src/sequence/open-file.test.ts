import coldMail from '@nudge/schema/examples/cold-mail.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import { type Checker, inlineChecker } from './checker.ts';
import { EXAMPLES, openExample } from './examples.ts';
import { openFile } from './open-file.ts';
import { createSequenceStore } from './store.ts';

/** A file whose bytes arrive when the test says so (or never, if it fails them). */
function slowFile(name: string, content: unknown) {
  let arrive = () => {};
  let fail = () => {};
  const file = new File([JSON.stringify(content)], name);
  const bytes = file.arrayBuffer();
  file.arrayBuffer = () =>
    new Promise<ArrayBuffer>((resolve, reject) => {
      arrive = () => void bytes.then(resolve);
      fail = () => reject(new Error('the disk went away'));
    });
  return { file, arrive: () => arrive(), fail: () => fail() };
}

const example = EXAMPLES.find((e) => e.fileName === 'contract-renewal.json');
if (!example) throw new Error('the contract-renewal example is missing');

describe('opening files one after another', () => {
  it('keeps an example opened while an earlier file was still being read', async () => {
    const store = createSequenceStore();
    const a = slowFile('a.json', onboarding);
    const reading = openFile(a.file, store);
    openExample(example, store);
    a.arrive();
    await reading;
    expect(store.getState().fileName).toBe('contract-renewal.json');
  });

  it('shows the file picked last, whichever is read first', async () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const store = createSequenceStore();
      const files = {
        a: slowFile('a.json', onboarding),
        b: slowFile('b.json', coldMail),
      };
      const reading = [openFile(files.a.file, store), openFile(files.b.file, store)];
      for (const name of order) files[name as 'a' | 'b'].arrive();
      await Promise.all(reading);
      expect(store.getState().fileName, `read ${order.join(' then ')}`).toBe('b.json');
      expect(store.getState().nodes).toHaveLength(coldMail.nodes.length);
    }
  });

  it('does not report a failed read of a file that another open replaced', async () => {
    const store = createSequenceStore();
    const a = slowFile('a.json', onboarding);
    const reading = openFile(a.file, store);
    await openFile(new File([JSON.stringify(coldMail)], 'cold-mail.json'), store);
    a.fail();
    await reading;
    expect(store.getState()).toMatchObject({ fileName: 'cold-mail.json', loadError: null });
  });

  it('still reports a failed read of the latest file', async () => {
    const store = createSequenceStore();
    const a = slowFile('a.json', onboarding);
    const reading = openFile(a.file, store);
    a.fail();
    await reading;
    expect(store.getState()).toMatchObject({
      fileName: 'a.json',
      loadError: { kind: 'unreadable' },
    });
  });

  it('drops a file replaced while it was being checked (off the page, it takes a while)', async () => {
    const store = createSequenceStore();
    let release = () => {};
    const slowChecker: Checker = {
      checkBytes: (bytes) =>
        new Promise((resolve) => {
          release = () => void inlineChecker.checkBytes(bytes).then(resolve);
        }),
    };
    const reading = openFile(new File([JSON.stringify(onboarding)], 'a.json'), store, slowChecker);
    await new Promise((resolve) => setTimeout(resolve, 10));
    openExample(example, store);
    release();
    await reading;
    expect(store.getState().fileName).toBe('contract-renewal.json');
  });

  it('opens what the checker read', async () => {
    const store = createSequenceStore();
    await openFile(new File([JSON.stringify(coldMail)], 'cold-mail.json'), store, inlineChecker);
    expect(store.getState()).toMatchObject({ fileName: 'cold-mail.json', errors: [] });
    expect(store.getState().nodes).toHaveLength(coldMail.nodes.length);
  });
});
