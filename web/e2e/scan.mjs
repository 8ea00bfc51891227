// What a person sees must be plain Dutch: no English words, no ids or codes
// from the data, no snake_case from the API. `scanText` reads the text of a
// page the way a person meets it (visible text, tooltips, accessible names,
// the options of a list, the tab title) and throws naming every offending
// word and where it stands. `checkOverflow` throws when the page scrolls
// sideways and names the element that sticks out furthest.
//
// Text inside an element marked `data-scan-ignore` is skipped: a user name on
// the accounts page (what someone types to sign in) or the name of a file
// the user chose. Anything else that trips the scan is a bug on the page.

/**
 * English words that never belong on a Regie screen. Chosen so that no Dutch
 * word is hit: "of", "in", "is", "was", "have", "product", "status", "intake",
 * "open", "plan", "week", "import" and "export" are Dutch as well and are left out.
 */
export const ENGLISH_WORDS = [
  'the', 'and', 'not', 'with', 'for', 'from', 'your', 'this', 'that', 'are', 'has', 'must', 'should',
  'available', 'error', 'unknown', 'loading', 'provider', 'providers', 'allocation', 'household', 'households',
  'member', 'members', 'measurement', 'measurements', 'total', 'cost', 'costs', 'save', 'cancel', 'submit',
  'delete', 'edit', 'back', 'next', 'previous', 'none', 'null', 'undefined', 'true', 'false', 'yes',
  'english', 'engels', 'required', 'invalid', 'missing', 'refused', 'rejected', 'accepted', 'denied', 'forbidden',
  'failed', 'found', 'please', 'message', 'messages', 'warning', 'success', 'director', 'analyst', 'parent',
  'child', 'children', 'target', 'stacking', 'signal', 'signals', 'declared', 'indicated', 'municipality',
  'insurer', 'neighbourhood', 'hour', 'hours', 'year', 'years', 'month', 'day', 'days', 'saving', 'savings',
  'assumption', 'because', 'between', 'before', 'after', 'which', 'where', 'when', 'would', 'could',
];

const ENGLISH_RE = new RegExp(`(?<![\\p{L}\\d_-])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\d_-])`, 'giu');
// "NaN" only as written by JavaScript: "nan" is no Dutch word either, but keep it exact.
const NAN_RE = /(?<![\p{L}\d])NaN(?![\p{L}\d])/gu;

/**
 * Ids and codes from the demo data (data/demo/households.json and what
 * `regie demo` adds): households BZHH01, members BZHH01-M1, provisions
 * BZHH01-P07 (and the H1-P7 style of made-up test data), organisations ORG01,
 * professionals PRO001, user names like r.dekker, and 8-digit AGB codes of
 * providers in the messages (not a phone number such as 06-12345678).
 */
export const ID_PATTERNS = [
  { what: 'household id', re: /\bBZHH\d{2}\b(?!-)/g },
  { what: 'member id', re: /\bBZHH\d{2}-M\d+\b/g },
  { what: 'provision id', re: /\b(?:BZHH\d{2}|H\d+)-P\d+\b/g },
  { what: 'organisation id', re: /\bORG\d{2,}\b/g },
  { what: 'professional id', re: /\bPRO\d{3,}\b/g },
  { what: 'user name', re: /(?<![\p{L}\d.@/])[a-z]{1,2}\.[a-z]{3,}(?![\p{L}\d@]|\.[a-z])/gu },
  { what: 'AGB code', re: /(?<![\p{L}\d-])\d{8}(?![\p{L}\d-])/gu },
  { what: 'snake_case', re: /(?<![\p{L}\d_.-])[a-z]+_[a-z0-9_]+(?![\p{L}\d_-]|\.[a-z]{2,4}\b)/gu },
];

/** Everything a person reads on the page, as [where, text] pairs (runs in the page). */
function collectText() {
  const ignored = (el) => !!el.closest('[data-scan-ignore]');
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) s += `#${e.id}`;
      const testid = e.getAttribute('data-testid');
      if (testid) s += `[data-testid="${testid}"]`;
      else if (typeof e.className === 'string' && e.className.trim()) s += `.${e.className.trim().split(/\s+/)[0]}`;
      parts.unshift(s);
      if (e.id || testid) break;
    }
    return parts.join(' > ');
  };
  const out = [['document title', document.title]];
  // Visible text, per text node so the place can be named.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || ignored(el)) continue;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
    const text = node.textContent.trim();
    if (!text) continue;
    if (el.tagName === 'OPTION') {
      const select = el.closest('select');
      if (select && select.checkVisibility()) out.push([`option in ${describe(select)}`, text]);
      continue;
    }
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    out.push([describe(el), text]);
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], [aria-description]')) {
    if (ignored(el)) continue;
    for (const attr of ['title', 'aria-label', 'placeholder', 'alt', 'aria-description']) {
      const v = el.getAttribute(attr);
      if (v && v.trim()) out.push([`${attr} of ${describe(el)}`, v]);
    }
  }
  // Buttons made with <input> show their value.
  for (const el of document.querySelectorAll('input[type="submit"], input[type="button"], input[type="reset"]')) {
    if (!ignored(el) && el.value) out.push([`button ${describe(el)}`, el.value]);
  }
  return out;
}

/** The offending words in one text, as strings such as `English "error"`. */
export function findProblems(text) {
  const found = [];
  for (const m of text.matchAll(ENGLISH_RE)) found.push(`English "${m[0]}"`);
  for (const m of text.matchAll(NAN_RE)) found.push(`"${m[0]}"`);
  for (const { what, re } of ID_PATTERNS) {
    for (const m of text.matchAll(re)) found.push(`${what} "${m[0]}"`);
  }
  return found;
}

/** Throws when the page shows English, an id or a snake_case token. */
export async function scanText(page, label) {
  const pairs = await page.evaluate(collectText);
  const lines = [];
  for (const [where, text] of pairs) {
    const problems = findProblems(text);
    if (problems.length) {
      const shown = text.replace(/\s+/g, ' ').slice(0, 160);
      lines.push(`  ${problems.join(', ')} in ${where}: "${shown}"`);
    }
  }
  if (lines.length) {
    const unique = [...new Set(lines)];
    throw new Error(`text that is not plain Dutch on ${label} (${page.url()}):\n${unique.join('\n')}`);
  }
}

/** Throws when the page is wider than the window, naming what sticks out. */
export async function checkOverflow(page, label) {
  const result = await page.evaluate(() => {
    const vw = window.innerWidth;
    const sw = document.documentElement.scrollWidth;
    if (sw <= vw + 1) return null;
    const clipped = (el) => {
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        // Only a box that itself fits the window hides what sticks out of it.
        const ox = getComputedStyle(e).overflowX;
        if (ox !== 'visible' && e.getBoundingClientRect().right <= vw + 1) return true;
      }
      return false;
    };
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += `#${el.id}`;
      const testid = el.getAttribute('data-testid');
      if (testid) s += `[data-testid="${testid}"]`;
      if (typeof el.className === 'string' && el.className.trim()) s += `.${el.className.trim().split(/\s+/).join('.')}`;
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return text ? `${s} ("${text}")` : s;
    };
    let worst = null;
    let worstClipped = null;  // said when nothing outside a scroll box sticks out
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1) continue;
      if (clipped(el)) {
        if (!worstClipped || r.right > worstClipped.right + 0.5) worstClipped = { right: r.right, width: r.width, el };
        continue;
      }
      // The outermost element that sticks out furthest: its children explain less.
      if (!worst || r.right > worst.right + 0.5) worst = { right: r.right, width: r.width, el };
    }
    // Text that runs out of its box (a long word) widens the page without any
    // element sticking out.
    let text = null;
    if (!worst) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.right <= vw + 1 || (n.parentElement && clipped(n.parentElement))) continue;
        if (!text || r.right > text.right) text = { right: r.right, el: n.parentElement, words: (n.textContent ?? '').trim().slice(0, 60) };
      }
    }
    return {
      vw,
      sw,
      worst: text
        ? `text "${text.words}" in ${describe(text.el)}, right edge at ${Math.round(text.right)} px`
        : worst
        ? `${describe(worst.el)}, right edge at ${Math.round(worst.right)} px, ${Math.round(worst.width)} px wide`
        : worstClipped
          ? `inside a scroll box: ${describe(worstClipped.el)}, right edge at ${Math.round(worstClipped.right)} px`
          : 'unknown element',
    };
  });
  if (result) {
    throw new Error(
      `${label} scrolls sideways (${page.url()}): page ${result.sw} px wide in a ${result.vw} px window; widest: ${result.worst}`,
    );
  }
}
