import { describe, expect, it } from 'vitest';
import { secretRedactor } from '../../src/cli/redact-secrets.js';

describe('secretRedactor', () => {
  it('removes the key as is, JSON-escaped and URL-encoded', () => {
    const key = 'rl_"live\\key/with+chars';
    const redact = secretRedactor({ RUNLOOP_API_KEY: key });
    expect(redact(`a ${key} b ${JSON.stringify({ key })} c ?k=${encodeURIComponent(key)}`)).toBe('a **** b {"key":"****"} c ?k=****');
  });

  it('removes bearer tokens and credential headers, whatever the key', () => {
    const redact = secretRedactor({});
    expect(redact('400 {"message":"bad Authorization: Bearer abc.def-123"}')).toBe('400 {"message":"bad Authorization: Bearer ****"}');
    expect(redact('{"x-api-key":"zzz","cookie":"session=1","proxy-authorization":"Basic cHJveHk="}')).toBe('{"x-api-key":"****","cookie":"****","proxy-authorization":"Basic ****"}');
    expect(redact('bearer token-in-lower-case')).toBe('bearer ****');
  });

  it('leaves ordinary text alone, and removes a short key only as a whole word', () => {
    const redact = secretRedactor({ RUNLOOP_API_KEY: 'x' });
    expect(redact('4 examples were created; Basic checks passed')).toBe('4 examples were created; Basic checks passed');
    expect(redact('key x, "x"')).toBe('key ****, "****"');
  });
});
