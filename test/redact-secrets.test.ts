import { describe, expect, it } from 'vitest';
import { secretRedactor } from '../src/util/redact-secrets.js';

describe('secretRedactor', () => {
  it('removes the key as is, JSON-escaped and URL-encoded', () => {
    const key = 'rl_"live\\key/with+chars';
    const redact = secretRedactor([key], { credentials: true });
    expect(redact(`a ${key} b ${JSON.stringify({ key })} c ?k=${encodeURIComponent(key)}`)).toBe('a **** b {"key":"****"} c ?k=****');
  });

  it('removes bearer tokens and credential headers, whatever the key', () => {
    const redact = secretRedactor([], { credentials: true });
    expect(redact('400 {"message":"bad Authorization: Bearer abc.def-123"}')).toBe('400 {"message":"bad Authorization: Bearer ****"}');
    expect(redact('{"x-api-key":"zzz","cookie":"session=1","proxy-authorization":"Basic cHJveHk="}')).toBe('{"x-api-key":"****","cookie":"****","proxy-authorization":"Basic ****"}');
    expect(redact('bearer token-in-lower-case')).toBe('bearer ****');
  });

  it('keeps JSON valid and leaves a variable that names a secret as written', () => {
    const redact = secretRedactor([], { credentials: true });
    const echoed = JSON.stringify({ error: `400 ${JSON.stringify({ message: 'header "Authorization": "Bearer sk-live-abc"' })}` });
    expect(JSON.parse(redact(echoed))).toEqual({ error: '400 {"message":"header \\"Authorization\\": \\"Bearer ****\\""}' });
    const command = 'curl -H "Authorization: Bearer $API_TOKEN" -H "x-api-key: ${KEY}" https://example.test';
    expect(redact(command)).toBe(command);
    expect(JSON.parse(redact(JSON.stringify({ command })))).toEqual({ command });
  });

  it('leaves ordinary text alone, and removes a short key only as a whole word', () => {
    const redact = secretRedactor(['x'], { credentials: true });
    expect(redact('4 examples were created; Basic checks passed')).toBe('4 examples were created; Basic checks passed');
    expect(redact('key x, "x"')).toBe('key ****, "****"');
  });

  it('removes every secret given, longest first, and leaves numbers that hold a short one', () => {
    const redact = secretRedactor(['1', 'hunter2-very-secret', 'hunter2', '']);
    expect(redact('score 10 of 100, token 1; hunter2-very-secret and hunter2')).toBe('score 10 of 100, token ****; **** and ****');
    expect(redact('Authorization: Bearer abc')).toBe('Authorization: Bearer abc'); // credentials only when asked
    expect(secretRedactor([])('text')).toBe('text');
  });
});
