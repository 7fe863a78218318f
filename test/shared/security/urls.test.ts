import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, safeLinkTarget } from '../../../src/shared/security/urls';

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/', 'http://example.com/path?q=1#x', 'https://新华网.cn/'])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://renderer/index.html',
    'workspace-asset://abc',
    'mailto:a@example.com',
    'ftp://example.com/',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://',
    '//example.com/',
    '/relative/path',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('safeLinkTarget: the one rule for an article link', () => {
  it('keeps web and mail links, normalized', () => {
    expect(safeLinkTarget('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeLinkTarget('HTTP://Example.org')).toBe('http://example.org/');
    expect(safeLinkTarget('  https://example.org/x  ')).toBe('https://example.org/x');
    expect(safeLinkTarget('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/uuid',
    'app://renderer/index.html',
    'workspace-asset://image/abc',
    'tel:+861012345678',
    'ftp://example.org/',
    '//example.org',
    'https://user:pw@example.org/',
    'mailto:',
    '',
  ])('refuses %j', (url) => {
    expect(safeLinkTarget(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.org/']]) expect(safeLinkTarget(value)).toBeNull();
  });
});
