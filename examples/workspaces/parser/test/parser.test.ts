import { expect, it } from 'vitest';
import { parse } from '../src/parser.js';

it('parses words', () => {
  expect(parse('a b')).toEqual({ type: 'Program', body: [{ type: 'Word', value: 'a' }, { type: 'Word', value: 'b' }] });
});
