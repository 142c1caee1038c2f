import { readFile } from 'node:fs/promises';
import { AuskunftError, bundledSynonyms, mergeSynonyms, parseSynonyms, type SynonymTable } from '@auskunft/core';

/**
 * The synonyms the retriever uses: the bundled German list plus, when `search.synonymsFile` is
 * set, the editors' own list (same format, see `parseSynonyms`). Read when the index is opened,
 * so an edited list takes effect on the next start or index reload, without a new crawl.
 */
export async function loadSynonyms(file: string | undefined): Promise<SynonymTable> {
  if (!file) return bundledSynonyms();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AuskunftError('CONFIG_FILE_UNREADABLE', `Cannot read the synonym list "${file}" (search.synonymsFile / AUSKUNFT_SEARCH_SYNONYMS_FILE): ${(error as Error).message}`, { cause: error });
  }
  return mergeSynonyms(bundledSynonyms(), parseSynonyms(text, file));
}
