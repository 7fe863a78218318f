import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../src/shared/security/urls';

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
