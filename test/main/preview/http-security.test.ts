import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookieToken, hostAndOriginAllowed, tokensMatch } from '../../../src/main/preview/http-security';

const withHeaders = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;

describe('tokensMatch', () => {
  it('matches only the exact token', () => {
    expect(tokensMatch('abc123', 'abc123')).toBe(true);
    expect(tokensMatch('abc123', 'abc124')).toBe(false);
    expect(tokensMatch('abc123', 'abc1234')).toBe(false);
    expect(tokensMatch('abc123', '')).toBe(false);
    expect(tokensMatch('abc123', null)).toBe(false);
    expect(tokensMatch('abc123', undefined)).toBe(false);
  });
});

describe('cookieToken', () => {
  it('finds the preview cookie among others', () => {
    expect(cookieToken(withHeaders({ cookie: 'a=1; nr_preview_token=t=k; b=2' }))).toBe('t=k');
    expect(cookieToken(withHeaders({ cookie: 'a=1' }))).toBeNull();
    expect(cookieToken(withHeaders({}))).toBeNull();
  });
});

describe('hostAndOriginAllowed', () => {
  it('allows loopback names on our port, without or with our own origin', () => {
    expect(hostAndOriginAllowed(withHeaders({ host: '127.0.0.1:5000' }), 5000)).toBe(true);
    expect(hostAndOriginAllowed(withHeaders({ host: 'localhost:5000', origin: 'http://localhost:5000' }), 5000)).toBe(true);
  });

  it.each([
    [{ host: 'evil.example:5000' }],
    [{ host: '127.0.0.1:5001' }],
    [{ host: '127.0.0.1' }],
    [{}],
    [{ host: '127.0.0.1:5000', origin: 'http://evil.example' }],
    [{ host: '127.0.0.1:5000', origin: 'http://127.0.0.1:5001' }],
    [{ host: '127.0.0.1:5000', origin: 'https://127.0.0.1:5000' }],
    [{ host: '127.0.0.1:5000', origin: 'null' }],
  ])('refuses %j', (headers) => {
    expect(hostAndOriginAllowed(withHeaders(headers), 5000)).toBe(false);
  });
});
