import { describe, expect, it } from 'vitest';
import { createUrlFilter } from './url-patterns.js';

describe('include and exclude patterns', () => {
  const filter = createUrlFilter(['/inklusionsamt/', '/service/*.pdf'], ['/inklusionsamt/intern/', '*?druck=1', '*/archiv/*']);
  const at = (path: string) => filter(`https://www.example.de${path}`);

  it('admits URLs under an include prefix', () => {
    expect(at('/inklusionsamt/kraftfahrzeughilfe/')).toBeNull();
    expect(at('/service/merkblatt-kfz-hilfe.pdf')).toBeNull();
  });

  it('names the pattern that excludes a URL', () => {
    expect(at('/inklusionsamt/intern/protokolle/')).toBe('excluded by crawl.exclude pattern "/inklusionsamt/intern/"');
    expect(at('/inklusionsamt/budget-fuer-arbeit/?druck=1')).toBe('excluded by crawl.exclude pattern "*?druck=1"');
    expect(at('/inklusionsamt/presse/archiv/2019/')).toBe('excluded by crawl.exclude pattern "*/archiv/*"');
  });

  it('rejects URLs outside every include pattern', () => {
    expect(at('/museum/')).toBe('outside the crawl.include patterns');
    expect(at('/service/formular.docx')).toBe('outside the crawl.include patterns');
  });

  it('matches umlauts written plainly against percent-encoded paths', () => {
    expect(createUrlFilter([], ['/bürgerservice/'])('https://www.example.de/b%C3%BCrgerservice/antrag/')).not.toBeNull();
  });

  it('treats ? and [ ] in patterns literally, as they appear in URLs', () => {
    const typo3 = createUrlFilter([], ['*?tx_news_pi1[news]=']);
    expect(typo3('https://www.example.de/presse/?tx_news_pi1[news]=12')).not.toBeNull();
    expect(typo3('https://www.example.de/presse/')).toBeNull();
  });
});
