/**
 * Request bodies are read as UTF-8 JSON (RFC 8259 §8.1), so only a Content-Type that says so is
 * accepted: `application/json`, with no parameter but `charset=utf-8`. `application/json-seq`,
 * `application/jsonx` or a Latin-1 charset would be decoded as something they are not.
 */
export function isUtf8Json(contentType: string | null | undefined): boolean {
  if (!contentType || contentType.length > 200) return false;
  const [type = '', ...params] = contentType.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.filter((param) => param.trim() !== '').every((param) => {
    const [name = '', value = ''] = param.split('=');
    return name.trim().toLowerCase() === 'charset' && value.trim().replace(/^"(.*)"$/, '$1').toLowerCase().replace('utf8', 'utf-8') === 'utf-8';
  });
}
