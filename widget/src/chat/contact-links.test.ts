import { describe, expect, it } from 'vitest';
import { mailHref, telHref } from './ContactCard';

describe('contact links', () => {
  it('dials phone numbers as German offices write them', () => {
    expect(telHref('0221 555-1234')).toBe('tel:02215551234');
    expect(telHref('+49 (0)221 555-1234')).toBe('tel:+492215551234');
    expect(telHref('0221/555 12 34')).toBe('tel:02215551234');
  });

  it('leaves text that is no number as text', () => {
    expect(telHref('über die Zentrale')).toBeNull();
    expect(telHref('12')).toBeNull();
  });

  it('links one plain e-mail address and nothing that could carry parameters', () => {
    expect(mailHref('kfz-hilfe@lvmr.example')).toBe('mailto:kfz-hilfe@lvmr.example');
    expect(mailHref('kfz-hilfe@lvmr.example?subject=x')).toBeNull();
    expect(mailHref('a@b.example, c@d.example')).toBeNull();
    expect(mailHref('javascript:alert(1)')).toBeNull();
  });
});
