export { readCurrentVersion, writeCurrentVersion } from './format/layout-fs.js';
