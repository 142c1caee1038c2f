export interface NavItem {
  label: string;
  href: string;
  children?: NavItem[];
}

export const SITE_NAME = 'Landschaftsverband Mittelrhein-Ruhr';

export const mainNavigation: NavItem[] = [
  {
    label: 'Inklusionsamt',
    href: '/inklusionsamt/',
    children: [
      { label: 'Schwerbehindertenausweis', href: '/inklusionsamt/schwerbehindertenausweis/' },
      { label: 'Kündigungsschutz', href: '/inklusionsamt/kuendigungsschutz/' },
      { label: 'Begleitende Hilfe im Arbeitsleben', href: '/inklusionsamt/begleitende-hilfe/' },
      { label: 'Leistungen für Arbeitgeber', href: '/inklusionsamt/leistungen-arbeitgeber/' },
      { label: 'Schwerbehindertenvertretung', href: '/inklusionsamt/schwerbehindertenvertretung/' },
      { label: 'Häufige Fragen', href: '/inklusionsamt/faq/' },
    ],
  },
  { label: 'Industriemuseum', href: '/museum/' },
  { label: 'Kulturförderung', href: '/kulturfoerderung/' },
  { label: 'Veranstaltungen', href: '/veranstaltungen/' },
  { label: 'Presse', href: '/presse/' },
  { label: 'Karriere', href: '/karriere/' },
  { label: 'Über uns', href: '/ueber-uns/' },
];

export const serviceLinks: NavItem[] = [
  { label: 'Leichte Sprache', href: '/leichte-sprache/' },
  { label: 'Gebärdensprache', href: '/barrierefreiheit/#gebaerdensprache' },
  { label: 'Kontakt', href: '/kontakt/' },
];

export const footerLinks: NavItem[] = [
  { label: 'Kontakt und Öffnungszeiten', href: '/kontakt/' },
  { label: 'Impressum', href: '/impressum/' },
  { label: 'Datenschutz', href: '/datenschutz/' },
  { label: 'Erklärung zur Barrierefreiheit', href: '/barrierefreiheit/' },
  { label: 'Leichte Sprache', href: '/leichte-sprache/' },
  { label: 'Intranet (nur für Beschäftigte)', href: '/intern/' },
];

export const socialLinks: NavItem[] = [
  { label: 'Mastodon', href: 'https://social.example/@lvmr' },
  { label: 'Instagram', href: 'https://instagram.example/lv.mittelrhein.ruhr' },
  { label: 'YouTube', href: 'https://video.example/@lvmr' },
];
