import { describe, expect, it } from 'vitest';
import { rememberedSettings, rememberSettings, type DialogSettings } from './remembered-settings.ts';

/** Storage as a browser keeps it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const settings: DialogSettings = {
  values: { duration: '2m', warmup: '10s', seed: '7', replications: '1' },
  scenario: 'single',
  sweep: { parameter: '/faults/0/schedule/probability', from: '0', to: '1', steps: '5' },
};

describe('the run dialog remembers', () => {
  it('the last settings of each design, apart', () => {
    const storage = memoryStorage();
    expect(rememberedSettings('a', storage)).toBeNull();
    rememberSettings('a', settings, storage);
    expect(rememberedSettings('a', storage)).toEqual(settings);
    expect(rememberedSettings('b', storage)).toBeNull();
  });

  it('nothing from what no longer reads as settings', () => {
    const storage = memoryStorage();
    storage.setItem('faultline.run-settings.a', '{not json');
    expect(rememberedSettings('a', storage)).toBeNull();
    storage.setItem('faultline.run-settings.a', JSON.stringify({ ...settings, scenario: 'gone' }));
    expect(rememberedSettings('a', storage)).toBeNull();
  });
});
