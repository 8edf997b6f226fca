import { describe, expect, it } from 'vitest';
import { DesignSchema, validateDesign } from './design.ts';
import { checkoutExample } from './examples.ts';
import { RunSettingsSchema } from './run.ts';
import { toFieldIssues } from './errors.ts';

const messageAt = (input: unknown, path: string) => {
  const validation = validateDesign(input);
  return validation.success ? undefined : validation.issues.find((i) => i.path === path)?.message;
};
const withApi = (change: object) => ({
  ...checkoutExample,
  components: checkoutExample.components.map((c) => (c.id === 'api' ? { ...c, ...change } : c)),
});

describe('messages in plain words', () => {
  it('says what a number must be, not the library wording', () => {
    expect(messageAt(withApi({ replicas: 0 }), '/components/1/replicas')).toBe('must be at least 1');
    expect(messageAt(withApi({ replicas: 1.5 }), '/components/1/replicas')).toBe('must be a whole number');
    expect(messageAt(withApi({ replicas: 'two' }), '/components/1/replicas')).toBe('must be a number');
    expect(messageAt({ ...checkoutExample, name: '' }, '/name')).toBe('must not be empty');
    expect(messageAt({ ...checkoutExample, name: undefined }, '/name')).toBe('is required');
  });

  it('lists the choices of an option', () => {
    expect(messageAt(withApi({ balancing: 'x', kind: 'gateway' }), '/components/1/balancing')).toBe(
      'must be one of "round-robin", "random", "least-outstanding"',
    );
  });

  it('keeps a message a schema states itself, in words too', () => {
    const settings = RunSettingsSchema.safeParse({ durationMs: 1000, warmupMs: 2000 });
    expect(toFieldIssues(settings.error!)).toEqual([{ path: '/warmupMs', message: 'must be shorter than the run' }]);
    expect(DesignSchema.safeParse(withApi({ id: 'Not A Slug' })).error!.issues[0]!.message).toMatch(/^must be a slug/);
  });
});
