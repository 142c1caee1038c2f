import type { EditorStore, EditorUser, Entry, EntryAction, EntryFields, EntryVersion } from './editor-store.js';

/** A step the rules do not allow, with the German message the editor sees. */
export class WorkflowError extends Error {}

type Person = Pick<EditorUser, 'name' | 'role'>;

/**
 * The four-eyes rules over the editors' store. Every step adds an event (and saving adds a
 * version); nothing is overwritten or deleted, so the history shows who did what and when.
 */
export function createWorkflow(store: EditorStore, onLiveChange: () => Promise<void>) {
  const now = () => new Date().toISOString();
  const load = async (id: number): Promise<Entry> => {
    const entry = await store.getEntry(id);
    if (!entry) throw new WorkflowError(`Den Eintrag ${id} gibt es nicht.`);
    return entry;
  };
  const event = (entryId: number, version: number, action: EntryAction, user: string, comment: string | null) => store.addEvent({ entryId, version, action, user, comment, at: now() });
  const changed = () => new WorkflowError('Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu; Ihre Eingaben stehen unten zum Kopieren.');
  const requireReviewer = (person: Person, what: string) => {
    if (person.role !== 'reviewer') throw new WorkflowError(`${what} dürfen nur Personen mit der Rolle „Prüfer“ (reviewer).`);
  };

  return {
    /** Saves the fields as a new version; a pending or rejected draft goes back to draft. */
    async save(person: Person, entryId: number | null, fields: EntryFields, topic: string | null): Promise<EntryVersion> {
      const id = entryId ?? (await store.createEntry(topic, now()));
      const entry = await load(id);
      const version = Math.max(0, ...(await store.versions(id)).map((v) => v.version)) + 1;
      const saved: EntryVersion = { ...fields, entryId: id, version, author: person.name, at: now() };
      await store.addVersion(saved);
      if (!(await store.updateEntry(id, entry, { draftVersion: version, draftState: 'draft', liveVersion: entry.liveVersion }, saved.at))) throw changed();
      await event(id, version, 'saved', person.name, null);
      return saved;
    },
    async submit(person: Person, entryId: number): Promise<void> {
      const entry = await load(entryId);
      if (entry.draftVersion === null || entry.draftState === 'pending') throw new WorkflowError('Es gibt keinen Entwurf, der vorgelegt werden könnte.');
      if (!(await store.updateEntry(entryId, entry, { ...entry, draftState: 'pending' }, now()))) throw changed();
      await event(entryId, entry.draftVersion, 'submitted', person.name, null);
    },
    async release(person: Person, entryId: number, comment: string): Promise<void> {
      requireReviewer(person, 'Freigeben');
      const entry = await load(entryId);
      if (entry.draftVersion === null || entry.draftState !== 'pending') throw new WorkflowError('Dieser Eintrag liegt nicht zur Freigabe vor.');
      await this.assertNotAuthor(person, entryId, entry.draftVersion, 'freigeben');
      if (!(await store.updateEntry(entryId, entry, { draftVersion: null, draftState: null, liveVersion: entry.draftVersion }, now()))) throw changed();
      await event(entryId, entry.draftVersion, 'released', person.name, comment || null);
      await onLiveChange();
    },
    async reject(person: Person, entryId: number, comment: string): Promise<void> {
      requireReviewer(person, 'Zurückweisen');
      if (!comment) throw new WorkflowError('Bitte schreiben Sie in „Kommentar“, was geändert werden soll.');
      const entry = await load(entryId);
      if (entry.draftVersion === null || entry.draftState !== 'pending') throw new WorkflowError('Dieser Eintrag liegt nicht zur Freigabe vor.');
      await this.assertNotAuthor(person, entryId, entry.draftVersion, 'zurückweisen');
      if (!(await store.updateEntry(entryId, entry, { ...entry, draftState: 'rejected' }, now()))) throw changed();
      await event(entryId, entry.draftVersion, 'rejected', person.name, comment);
    },
    /** Taking an answer offline is the safe direction, so every editor may do it. */
    async withdraw(person: Person, entryId: number, comment: string): Promise<void> {
      const entry = await load(entryId);
      if (entry.liveVersion === null) throw new WorkflowError('Dieser Eintrag ist nicht freigegeben.');
      if (!(await store.updateEntry(entryId, entry, { ...entry, liveVersion: null }, now()))) throw changed();
      await event(entryId, entry.liveVersion, 'withdrawn', person.name, comment || null);
      await onLiveChange();
    },
    /** Four eyes: whoever wrote or submitted the version may not decide on it. */
    async assertNotAuthor(person: Person, entryId: number, version: number, verb: string): Promise<void> {
      const v = await store.getVersion(entryId, version);
      const submitters = (await store.events(entryId)).filter((e) => e.version === version && (e.action === 'submitted' || e.action === 'saved')).map((e) => e.user);
      if (v?.author === person.name || submitters.includes(person.name)) {
        throw new WorkflowError(`Vier-Augen-Prinzip: Sie haben diese Fassung selbst geschrieben oder vorgelegt und können sie nicht ${verb}. Eine andere Prüferin oder ein anderer Prüfer muss entscheiden.`);
      }
    },
  };
}

export type Workflow = ReturnType<typeof createWorkflow>;
