import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_PREVIEW } from '../../../src/shared/security/csp';
import { PROJECT_ROOT } from '../../helpers/paths';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe.each([
  ['app', CONTENT_SECURITY_POLICY],
  ['preview', CONTENT_SECURITY_POLICY_PREVIEW],
])('the %s content security policy', (_name, policy) => {
  it('allows nothing inline and no eval', () => {
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  });

  it('loads scripts from our own origin only and no plugins or frames', () => {
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('CSP', () => {
  it('lets the app load workspace images through their scheme, and the preview keep out of frames', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('img-src')).toContain('workspace-asset:');
    expect(directives(CONTENT_SECURITY_POLICY_PREVIEW).get('img-src')).not.toContain('workspace-asset:');
    expect(directives(CONTENT_SECURITY_POLICY_PREVIEW).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is exactly the policy in the meta tag of src/renderer/index.html', async () => {
    const html = await readFile(join(PROJECT_ROOT, 'src/renderer/index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
    expect(metas).toHaveLength(1);
    const content = /\scontent="([^"]*)"/.exec(metas[0]![0])?.[1];
    expect(content).toBe(CONTENT_SECURITY_POLICY);
  });
});
