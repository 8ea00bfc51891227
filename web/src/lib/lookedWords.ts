// What a line of "Wie keek er in ons dossier" says someone did, in words a
// family reads. The actions are the audit trail's; an unknown one still reads
// as a look at the file, never as its code.

const subjects: Record<string, string> = {
  household: 'het dossier',
  member: 'de gezinsleden',
  provision: 'de hulp die u krijgt',
  signal: 'de signalen',
  consents: 'de toestemmingen',
  measurements: 'de metingen',
  plan: 'het gezinsplan',
  decision: 'de afspraken over de hulp',
  round_table: 'de gesprekken aan tafel',
  wishes: 'uw wensen',
  aftercare: 'de nazorg',
  time: 'de tijdregistratie',
  contact: 'de contacten met u',
  status: 'de voortgang van het dossier',
  moments: 'de meetmomenten',
  virtual_saving: 'de kosten',
  businesscase: 'de kosten',
  outcomes: 'de uitkomsten',
  person: 'de gegevens van een gezinslid',
};

const readVerbs = new Set(['read', 'list', 'export', 'export_fhir', 'export_fhir_bsn', 'assignments', 'preview']);

function subjectOf(action: string): string {
  const area = action.split('.')[0] ?? '';
  return subjects[area] ?? subjects.household!;
}

function isLook(action: string): boolean {
  return readVerbs.has(action.split('.')[1] ?? 'read');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** "Bekeek het dossier en de metingen; wijzigde het gezinsplan." */
export function lookedWords(actions: string[]): string {
  const looked: string[] = [];
  const changed: string[] = [];
  for (const action of actions) {
    const target = isLook(action) ? looked : changed;
    const subject = subjectOf(action);
    if (!target.includes(subject)) target.push(subject);
  }
  const parts: string[] = [];
  if (looked.length > 0) parts.push(`bekeek ${list(looked)}`);
  if (changed.length > 0) parts.push(`wijzigde ${list(changed)}`);
  const text = parts.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : 'Bekeek het dossier.';
}

/** "1 keer", "20 keer". */
export function timesWords(n: number): string {
  return `${n} keer`;
}
