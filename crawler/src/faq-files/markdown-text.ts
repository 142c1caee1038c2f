// The FAQ Markdown subset is read by the crawler (FAQ files) and by the server (answers written
// in the editors' console), so it lives in core.
export { markdownToText } from '@auskunft/core';
