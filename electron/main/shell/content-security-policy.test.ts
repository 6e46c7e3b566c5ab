import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseContentSecurityPolicy, withContentSecurityPolicy } from './index.js';

const indexHtml = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');

function metaPolicy(): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml);
  if (!meta?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return meta[1];
}

describe('the Content-Security-Policy', () => {
  for (const [where, policy] of [
    ['header', CONTENT_SECURITY_POLICY],
    ['renderer/index.html meta', metaPolicy()],
  ] as const) {
    it(`(${where}) runs only the app's own scripts: no inline script, no eval, no plugins`, () => {
      const directives = parseContentSecurityPolicy(policy);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      const sources = [...directives.values()].flat();
      for (const forbidden of ["'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'blob:']) expect(sources).not.toContain(forbidden);
      // Nothing remote: the only host a page may reach is web mode's loopback server.
      expect(sources.filter((source) => source.includes('://')).every((source) => /^wss?:\/\/127\.0\.0\.1:/.test(source))).toBe(true);
      expect(directives.get('default-src')).toEqual(["'none'"]);
    });
  }

  it('replaces whatever policy a response carried', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["script-src *"], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
