import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 8081,
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1_048_576,
    });
  });

  it('names the variable and the rule when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'chatty' })).toThrow(/PORT: .*\n.*LOG_LEVEL: /s);
  });
});
