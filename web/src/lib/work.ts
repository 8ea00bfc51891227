/** A field the server names at the start of a 400 message ("minutes: between 1 and 1440"). */
export function serverField(message: string, fields: readonly string[]): string | null {
  const name = /^\s*([a-z_]+)\b/.exec(message)?.[1];
  return name && fields.includes(name) ? name : null;
}

/** Minutes typed by a person: a whole number 1–1440, else null. */
export function parseMinutes(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,4}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 1440 ? n : null;
}
