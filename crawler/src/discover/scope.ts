/** A URL is in scope when it shares the origin of a start URL and lies at or below its path. */
export function createScope(startUrls: readonly string[]): (url: string) => boolean {
  const roots = startUrls.map((s) => {
    const u = new URL(s);
    return { origin: u.origin, path: u.pathname.replace(/[^/]*$/, '') };
  });
  return (url) => {
    const u = new URL(url);
    return roots.some((r) => u.origin === r.origin && u.pathname.startsWith(r.path));
  };
}

const NON_HTML_EXTENSIONS = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|zip|gz|tgz|7z|rar|jpe?g|png|gif|svg|webp|avif|ico|bmp|tiff?|mp[34]|m4a|wav|ogg|webm|avi|mov|css|js|mjs|json|xml|txt|csv|ics|vcf|woff2?|ttf|eot)$/i;

/** What a link probably points to, judged by its path, before spending a request on it. */
export function documentKind(url: string): 'page' | 'pdf' | 'other' {
  const path = new URL(url).pathname;
  if (/\.pdf$/i.test(path)) return 'pdf';
  return NON_HTML_EXTENSIONS.test(path) ? 'other' : 'page';
}
