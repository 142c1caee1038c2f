import { accountProblem, createEditorStore, serverSettings } from '@auskunft/server';
import { createScryptHasher, sqliteSql } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs } from './options.js';
import { readPassword } from './read-password.js';

const USAGE = `Aufruf: auskunft editor <Befehl> [Optionen]

Konten der Redaktionskonsole (/editor/ des Servers). Die Konsole ist aus, bis es ein Konto gibt.
  auskunft editor add-user NAME --role editor|reviewer   Konto anlegen (Passwort: Eingabe oder stdin)
  auskunft editor list-users                              Konten auflisten
  auskunft editor remove-user NAME                        Konto entfernen (der Verlauf bleibt)
  auskunft editor reset-password NAME                     neues Passwort setzen (beendet Sitzungen)
Rollen: editor schreibt Antworten und legt sie vor; reviewer prüft, gibt frei oder weist zurück
(nie die eigenen Entwürfe). Die Konten liegen in der Datei AUSKUNFT_STORE_PATH (--store-path).
`;

const ROLE_LABEL = { editor: 'Redaktion', reviewer: 'Prüfung' } as const;

export async function editorCommand(argv: string[]): Promise<number> {
  const { values, positionals, overrides } = parseCommandArgs(argv, [serverSettings], { role: { type: 'string' } });
  const [action, name] = positionals;
  if (values['help'] || !action || !['add-user', 'list-users', 'remove-user', 'reset-password'].includes(action)) {
    console.log(USAGE);
    return values['help'] ? 0 : 2;
  }
  const settings = (await loadSettings(values['config'], overrides))(serverSettings);
  if (action !== 'list-users' && !name) {
    console.error(`auskunft editor ${action}: Bitte den Benutzernamen angeben.\n\n${USAGE}`);
    return 2;
  }
  const sql = sqliteSql(settings.storePath);
  const store = createEditorStore(sql);
  const passwords = createScryptHasher();
  try {
    if (action === 'list-users') {
      const users = await store.listUsers();
      if (users.length === 0) console.log('Noch keine Konten; die Redaktionskonsole ist aus. Anlegen mit: auskunft editor add-user NAME --role editor');
      for (const u of users) console.log(`${u.name}\t${u.role} (${ROLE_LABEL[u.role]})\tangelegt ${u.createdAt.slice(0, 10)}`);
      return 0;
    }
    if (action === 'remove-user') {
      if (!(await store.removeUser(name!))) {
        console.error(`Es gibt kein Konto „${name}“.`);
        return 1;
      }
      console.log(`Konto „${name}“ entfernt; seine Sitzungen sind beendet. Der Verlauf nennt die Person weiterhin.`);
      return 0;
    }
    const role = action === 'add-user' ? ((values['role'] as string | undefined) ?? '') : undefined;
    const early = accountProblem(name!, role === '' ? 'fehlt' : role, undefined);
    if (early) {
      console.error(role === '' ? 'Bitte die Rolle angeben: --role editor oder --role reviewer.' : early);
      return 2;
    }
    if (action === 'add-user' && (await store.getUser(name!))) {
      console.error(`Das Konto „${name}“ gibt es schon; ein neues Passwort setzt: auskunft editor reset-password ${name}`);
      return 1;
    }
    if (action === 'reset-password' && !(await store.getUser(name!))) {
      console.error(`Es gibt kein Konto „${name}“.`);
      return 1;
    }
    let password: string;
    try {
      password = await readPassword(`Passwort für ${name}: `, true);
    } catch (error) {
      console.error((error as Error).message);
      return 1;
    }
    const problem = accountProblem(name!, role, password);
    if (problem) {
      console.error(problem);
      return 2;
    }
    const { salt, hash } = await passwords.hash(password);
    if (action === 'add-user') {
      await store.addUser({ name: name!, role: role as 'editor' | 'reviewer', salt, hash, createdAt: new Date().toISOString() });
      console.log(`Konto „${name}“ (${ROLE_LABEL[role as 'editor' | 'reviewer']}) angelegt. Anmeldung unter /editor/ des Servers.`);
    } else {
      await store.setPassword(name!, salt, hash);
      console.log(`Neues Passwort für „${name}“ gesetzt; bestehende Sitzungen sind beendet.`);
    }
    return 0;
  } finally {
    sql.close();
  }
}
