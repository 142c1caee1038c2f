/**
 * Starter synonym list for German administration and inclusion vocabulary, in the format of
 * `parseSynonyms` (Solr synonyms.txt). Citizens write "Chef", "Auto" or "Formular" where pages say
 * "Arbeitgeber", "Kraftfahrzeug" or "Antrag". Editors add their own list with `search.synonymsFile`
 * (docs/search.md, "Extend the synonyms"); it extends this one. Compound parts and spelling mistakes are
 * handled elsewhere and need no entry here.
 */
export const BUNDLED_SYNONYMS_DE = `
# Fahrzeuge und Führerschein
Auto, PKW, Kfz, Kraftfahrzeug, Fahrzeug, Wagen
Führerschein, Fahrerlaubnis, Fahrschule
Autoumbau, Fahrzeugumbau, Umrüstung
Rollstuhl, Rolli, Rollstuhlfahrer, Rollstuhlfahrerin

# Ausweise, Anträge, Bescheide
Ausweis, Schwerbehindertenausweis, Behindertenausweis
Antrag, Formular, Antragsformular, Vordruck, beantragen
Widerspruch, Einspruch, widersprechen
Bescheid, Entscheidung
verloren, verlegt, gestohlen, Verlust, Diebstahl
verlängern, Verlängerung, abgelaufen, Ablaufdatum
kostenlos, gratis, umsonst, kostenfrei, gebührenfrei
Telefonnummer, Telefon, anrufen, Hotline
Öffnungszeiten, Sprechzeiten, Servicezeiten, geöffnet, offen
Adresse, Anschrift
Ansprechpartner, Ansprechpartnerin, Ansprechperson, Sachbearbeiter, Sachbearbeiterin, zuständig

# Arbeit
Kündigung, kündigen, Entlassung, entlassen, Rauswurf, rauswerfen, rausschmeißen, feuern, gefeuert
Arbeitgeber, Chef, Chefin, Firma, Betrieb, Unternehmen, Dienststelle, Dienstherr
Vorgesetzter, Vorgesetzte => Arbeitgeber, Chef
Arbeitnehmer, Arbeitnehmerin, Beschäftigte, Beschäftigter, Mitarbeiter, Mitarbeiterin, Angestellte, Angestellter
Arbeitsplatz, Job, Arbeitsstelle
Lohn, Gehalt, Entgelt, Arbeitsentgelt, Bezahlung, Verdienst, verdienen
Ausbildung, Lehre, Azubi, Auszubildende, Auszubildender
Urlaub, Urlaubstage, Zusatzurlaub, Ferien
krank, Krankheit, Erkrankung, krankgeschrieben, arbeitsunfähig, Arbeitsunfähigkeit
Wiedereingliederung, Eingliederung, BEM, Eingliederungsmanagement
Jobcoach, Jobcoachin, Jobcoaching, Begleitung, Anleitung
Konflikt, Streit, Stress, Mobbing, Probleme
Bewerbung, bewerben, Stellenangebot, Stellenangebote, Stellenausschreibung, Ausschreibung, ausgeschrieben

# Wie Bürgerinnen und Bürger es sagen: Umgangssprache, Kurzformen und ältere Namen, die
# OpenThesaurus (thesaurus-de.generated.ts) nicht oder nicht so kennt
Hartz IV, Hartz 4, Arbeitslosengeld II, ALG II, Stütze => Bürgergeld, Grundsicherung
Krankenschein, gelber Schein, AU, Krankmeldung, Krankschreibung => Arbeitsunfähigkeitsbescheinigung, Arbeitsunfähigkeit
Knöllchen, Strafzettel, Strafzettel, Blitzer => Verwarnungsgeld, Bußgeld, Bußgeldbescheid
Papa-Monate, Vätermonate, Partnerschaftsmonate => Partnermonate, Elterngeld
Führerschein weg, Lappen weg => Fahrverbot, Entziehung der Fahrerlaubnis
Reha, Kur => Rehabilitation, Rehabilitationsmaßnahme
Perso => Personalausweis
Kita, Krippe, Kindergarten, Hort => Kindertagesstätte, Kindertagesbetreuung, Kinderbetreuung
umziehen, Umzug, neue Wohnung => Ummeldung, Wohnsitz, Anmeldung
schlägt, schlagen, geschlagen, verprügelt, Prügel => Gewalt, häusliche Gewalt
Mietzuschuss => Wohngeld
Rentner, Rentnerin, Ruhestand => Rente, Altersrente

# Geld und Leistungen
bekommen, erhalten, kriegen
Geld, Zuschuss, Förderung, fördern, Kosten, zahlen, bezahlen, zahlt, Kostenübernahme, Finanzierung
Kosten, kostet, Preis, Gebühr, Eintritt
Darlehen, Kredit

# Behinderung und Hilfen
Behinderung, Beeinträchtigung, Handicap
schwerbehindert, Schwerbehinderung, Schwerbehinderte
Grad der Behinderung, GdB
gehörlos, taub, hörbehindert, schwerhörig
blind, sehbehindert, Sehbehinderung
Gebärdensprache, DGS, Gebärdensprachdolmetscher, Gebärdensprachdolmetschung, Dolmetscher
Hilfsmittel, Arbeitshilfe, Arbeitshilfen, Gerät, Geräte
Assistenz, Arbeitsassistenz, Assistent, Assistentin, Helfer, Helferin
Werkstatt, WfbM, Behindertenwerkstatt, Werkstätten
Schwerbehindertenvertretung, SBV, Vertrauensperson
Integrationsfachdienst, IFD
Inklusionsamt, Integrationsamt, Hauptfürsorgestelle
Dusche, Bad, Badezimmer
Bus, Bahn, Nahverkehr, ÖPNV, Freifahrt
Parkausweis, Parkerleichterung, Behindertenparkplatz, parken
`;
