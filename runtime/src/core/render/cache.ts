/**
 * A map bounded by the characters of its keys (templates of up to 64 KiB come from anyone),
 * dropping the least recently used entries first.
 */
export class BoundedCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #maxCharacters: number;
  #characters = 0;

  constructor(maxCharacters: number) {
    this.#maxCharacters = maxCharacters;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes this entry the newest.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.#maxCharacters) return;
    if (this.#entries.delete(key)) this.#characters -= key.length;
    for (const oldest of this.#entries.keys()) {
      if (this.#characters + key.length <= this.#maxCharacters) break;
      this.#entries.delete(oldest);
      this.#characters -= oldest.length;
    }
    this.#entries.set(key, value);
    this.#characters += key.length;
  }
}
