import { describe, expect, it } from 'vitest';
import { FaultPlan } from '../../src/testing/fault-plan.js';

const draw = (plan: FaultPlan, count: number) => Array.from({ length: count }, () => plan.next() ?? '-');

describe('FaultPlan', () => {
  it('draws only the kinds it is given, at about the rate given', () => {
    const faults = draw(new FaultPlan(1, { rate: 0.25, kinds: ['429', 'reset'] }), 2000);
    expect(new Set(faults)).toEqual(new Set(['-', '429', 'reset']));
    expect(faults.filter((f) => f !== '-').length).toBeGreaterThan(400);
    expect(faults.filter((f) => f !== '-').length).toBeLessThan(600);
  });

  it('hits the same requests whatever the kinds, so changing kinds shifts nothing', () => {
    const hits = (kinds: ['503'] | ['429', '500', 'drop-after-commit']) => draw(new FaultPlan(9, { rate: 0.3, kinds }), 50).map((f) => f !== '-');
    expect(hits(['503'])).toEqual(hits(['429', '500', 'drop-after-commit']));
  });

  it('serves injected faults first, then the random ones, and restarts on reset', () => {
    const plan = new FaultPlan(4, { rate: 0.5, kinds: ['500'] });
    const random = draw(new FaultPlan(4, { rate: 0.5, kinds: ['500'] }), 6);
    plan.inject('reset', 2);
    plan.inject('429');
    expect(draw(plan, 9)).toEqual(['reset', 'reset', '429', ...random]);
    plan.inject('503');
    plan.reset();
    expect(draw(plan, 6)).toEqual(random);
  });

  it('injects nothing without a rate', () => {
    expect(draw(new FaultPlan(1, undefined), 100).every((f) => f === '-')).toBe(true);
  });
});
