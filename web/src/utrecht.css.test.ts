// Keeps the lean CSS import complete: every utrecht-* component class used in
// the code has its component's CSS imported in src/utrecht.css.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname);
const modules = path.resolve(__dirname, '../node_modules/@utrecht');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(tsx?|html)$/.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

describe('src/utrecht.css', () => {
  it('imports the CSS of every Utrecht component the pages use', () => {
    const imported = fs.readFileSync(path.join(src, 'utrecht.css'), 'utf8');
    const used = new Set<string>();
    for (const file of [...files(src), path.resolve(src, '../index.html')]) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/utrecht-([a-z0-9-]+?)(?=__|--|[^a-z0-9-]|$)/g)) {
        // Design-token variables (utrecht-focus-outline-color) have no component package.
        const name = m[1] ?? '';
        if (name && fs.existsSync(path.join(modules, `${name}-css`))) used.add(name);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((c) => !imported.includes(`@utrecht/${c}-css/`));
    expect(missing).toEqual([]);
  });
});
