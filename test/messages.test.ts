import { describe, expect, it } from 'vitest';
import { describeValue } from '../src/util/describe-value.js';

describe('describeValue', () => {
  it('names a value of the wrong kind the same way in every message', () => {
    expect([null, undefined, 'abc', 'x'.repeat(50), 42, true, 1n, Symbol('s'), () => 1, [1], {}, Object.create(null), new Date(0), new Map()].map(describeValue)).toEqual([
      'null',
      'undefined',
      'the string "abc"',
      `the string "${'x'.repeat(40)}…"`,
      'the number 42',
      'the boolean true',
      'a BigInt',
      'a symbol',
      'a function',
      'an array',
      'an object',
      'an object',
      'a Date object',
      'a Map object',
    ]);
  });
});
