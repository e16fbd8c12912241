import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults to port 3000 on 127.0.0.1', () => {
    expect(readConfig({})).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(readConfig({ PORT: '', HOST: ' ' })).toEqual({ port: 3000, host: '127.0.0.1' });
  });

  it('reads PORT (0 picks a free port), HOST and NUDGE_EDITOR_DIR', () => {
    expect(readConfig({ PORT: '0', HOST: '0.0.0.0', NUDGE_EDITOR_DIR: '/x' })).toEqual({
      port: 0,
      host: '0.0.0.0',
      editorDir: '/x',
    });
    expect(readConfig({ PORT: ' 8080 ' }).port).toBe(8080);
  });

  it.each(['abc', '-1', '65536', '3000.5', '1e3'])('refuses PORT=%s', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: port })).toThrow(/PORT must be a number from 0 to 65535/);
  });
});
