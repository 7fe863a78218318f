import { describe, expect, it } from 'vitest';
import { APP_ENTRY, isOwnPageUrl, isTrustedSender } from '../../../src/main/app/trusted-origin';

const DEV = 'http://localhost:5173/';

describe('isOwnPageUrl', () => {
  it('accepts the bundled renderer', () => {
    expect(isOwnPageUrl(APP_ENTRY, undefined)).toBe(true);
    expect(isOwnPageUrl('app://renderer/index.html#/article/1', undefined)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://renderer.evil.example/index.html',
    'http://renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isOwnPageUrl(url, undefined)).toBe(false);
    expect(isOwnPageUrl(url, DEV)).toBe(false);
  });

  it('accepts the dev server origin only when one is given', () => {
    expect(isOwnPageUrl('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isOwnPageUrl('http://localhost:5173/index.html', undefined)).toBe(false);
    expect(isOwnPageUrl('http://localhost:5174/index.html', DEV)).toBe(false);
    expect(isOwnPageUrl('http://127.0.0.1:5173/index.html', DEV)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the top frame of our own page only', () => {
    expect(isTrustedSender({ url: APP_ENTRY, parent: null }, undefined)).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY, parent: { url: APP_ENTRY } }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null }, undefined)).toBe(false);
    expect(isTrustedSender(null, undefined)).toBe(false);
    expect(isTrustedSender(undefined, undefined)).toBe(false);
  });

  it('trusts the dev server only when it is given', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, DEV)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, undefined)).toBe(false);
  });
});
