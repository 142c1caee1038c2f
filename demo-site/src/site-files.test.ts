import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesDir, resolveAssetPath, resolvePagePath } from './site-files.js';

describe('resolvePagePath', () => {
  it('maps directory URLs to index.html below the pages folder', () => {
    expect(resolvePagePath('/')).toEqual({ urlPath: '/', file: path.join(pagesDir, 'index.html'), hasTrailingSlash: true });
    expect(resolvePagePath('/inklusionsamt/faq/')?.file).toBe(path.join(pagesDir, 'inklusionsamt', 'faq', 'index.html'));
  });

  it('reports a missing trailing slash', () => {
    expect(resolvePagePath('/kontakt')).toMatchObject({ urlPath: '/kontakt/', hasTrailingSlash: false });
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/inklusionsamt/..%2f..%2fpackage.json',
    '/inklusionsamt/%2e%2e/',
    '/./',
    '/a\\b/',
    '/%00/',
    '/%E0%A4%A/',
    '//etc/passwd',
    '/Kontakt/',
    'kontakt/',
  ])('rejects %s', (raw) => {
    expect(resolvePagePath(raw)).toBeUndefined();
  });
});

describe('resolveAssetPath', () => {
  it('accepts plain asset names only', () => {
    expect(resolveAssetPath('/assets/site.css')?.type).toBe('text/css; charset=utf-8');
    expect(resolveAssetPath('/assets/..%2f..%2fpackage.json')).toBeUndefined();
    expect(resolveAssetPath('/assets/../site/x.css')).toBeUndefined();
  });
});
