/* The web editor's save keeps each file as it was written: comments, key order, flow maps,
 * quotes and line breaks of everything the edit did not touch.
 *
 * Decap's `yml` and `frontmatter` formats write the whole file anew from the form's data (its
 * YAML library drops comments, expands `{vi: …, en: …}`, changes quotes, folds long lines):
 * a one-line edit became a 50-line diff, and a save of the settings deleted their comments.
 * heritage-cms.js therefore hands every file it is about to write to `mergeFile` with the
 * file's current text; the new data is merged into the parsed old document (npm `yaml` v2,
 * Document API), so only the values that changed are rewritten.
 *
 * An ES module without imports: the caller passes the `yaml` module (served from /admin/yaml/,
 * loaded by heritage-cms.js; the tests pass Node's copy of the same files).
 */

/** Stringify options: never fold long lines (the files keep one value per line). */
const OUTPUT = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

/** Empty values count as absent: the form drops them before saving (heritage-cms.js clean()),
 * while a hand-written file may keep `excused: {}`. */
function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** Deep equality of plain YAML data, where empty values equal absent ones. */
export function same(a, b) {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!same(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A string the site's YAML 1.1 reader (PyYAML) would take for something else if written
 * plain: `07:30` (sexagesimal 450), `yes`/`no`/`on`/`off` (booleans), `0x1F`, `~`… Dates stay
 * plain: the site's loader keeps them as text (heritage/content/sources.py) and the files
 * write them so. */
function misread(YAML, text) {
  if (DATE.test(text)) return false;
  try {
    return YAML.parse(text, { version: "1.1" }) !== text;
  } catch (e) {
    return false; // not a plain scalar at all: the stringifier quotes it itself
  }
}

/** Quote the strings of a new or changed node that YAML 1.1 would misread. */
function protect(YAML, node) {
  const fix = (scalar) => {
    if (typeof scalar.value === "string" && (!scalar.type || scalar.type === "PLAIN") && misread(YAML, scalar.value)) {
      scalar.type = "QUOTE_DOUBLE";
    }
  };
  if (YAML.isScalar(node)) fix(node);
  else if (node) YAML.visit(node, { Scalar(_, scalar) { fix(scalar); } });
  return node;
}

function created(YAML, doc, value) {
  return protect(YAML, doc.createNode(value));
}

/** A node's plain data (a pair's missing value is null). */
function js(YAML, doc, node) {
  return YAML.isNode(node) ? node.toJS(doc) : node === undefined ? null : node;
}

function keyOf(pair) {
  const key = pair.key;
  return String(key && typeof key === "object" && "value" in key ? key.value : key);
}

/** A new item of a list written like its neighbours: `- {days: daily, opens: "07:00"}`. */
function like(YAML, node, siblings) {
  if (YAML.isCollection(node) && siblings.some((s) => YAML.isCollection(s) && s.flow)) node.flow = true;
  return node;
}

/** The longest common subsequence of two lists, as pairs of indexes (lists are short). */
function matches(a, b, equal) {
  const n = a.length, m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = equal(a[i], b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (equal(a[i], b[j])) { out.push([i, j]); i++; j++; } else if (table[i + 1][j] >= table[i][j + 1]) i++; else j++;
  }
  return out;
}

/** `node` (from the old document) made to hold `value`, changing as little as possible:
 * returns the node to keep, the same one mutated where it could be. */
function apply(YAML, doc, node, value) {
  if (node && same(js(YAML, doc, node), value)) return node;
  if (Array.isArray(value)) {
    if (!YAML.isSeq(node)) return created(YAML, doc, value);
    const old = node.items;
    const oldJS = old.map((item) => js(YAML, doc, item));
    // Unchanged items keep their nodes (and comments); the others are matched by position
    // between two kept ones, so an edited item is changed in place rather than re-created.
    const kept = matches(oldJS, value, same);
    const items = [];
    let i = 0, j = 0;
    for (const [ki, kj] of kept.concat([[old.length, value.length]])) {
      while (j < kj) {
        items.push(i < ki ? apply(YAML, doc, old[i], value[j]) : like(YAML, created(YAML, doc, value[j]), old));
        i = Math.min(i + 1, ki);
        j++;
      }
      if (ki < old.length) items.push(old[ki]);
      i = ki + 1;
      j = kj + 1;
    }
    node.items = items;
    return node;
  }
  if (value && typeof value === "object") {
    if (!YAML.isMap(node)) return created(YAML, doc, value);
    const keys = Object.keys(value);
    // removed keys go, except empty ones the form left out (`excused: {}`)
    node.items = node.items.filter((pair) => keys.includes(keyOf(pair)) || isEmpty(js(YAML, doc, pair.value)));
    let previous = -1;
    for (const key of keys) {
      const at = node.items.findIndex((pair) => keyOf(pair) === key);
      if (at >= 0) {
        const pair = node.items[at];
        pair.value = apply(YAML, doc, pair.value, value[key]);
        previous = at;
      } else if (!isEmpty(value[key])) {
        // a new key goes after the one the form puts before it
        const pair = doc.createPair(key, value[key]);
        protect(YAML, pair.value);
        node.items.splice(previous + 1, 0, pair);
        previous += 1;
      }
    }
    return node;
  }
  if (YAML.isScalar(node)) {
    if (node.value !== value) {
      node.value = value;
      delete node.minFractionDigits; // 21.2000 edited to 21.3 is not written 21.3000
      delete node.format;
      if (typeof value !== "string" && node.type && node.type !== "PLAIN") node.type = undefined;
      protect(YAML, node);
    }
    return node;
  }
  return created(YAML, doc, value);
}

/** The lines of `text`, each with its line break. */
function lines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) || [];
}

/** Where `to` differs from `from`, as hunks [fromStart, fromEnd, toLines]. */
function hunks(from, to) {
  const kept = matches(from, to, (x, y) => x === y).concat([[from.length, to.length]]);
  const out = [];
  let i = 0, j = 0;
  for (const [ki, kj] of kept) {
    if (ki > i || kj > j) out.push([i, ki, to.slice(j, kj)]);
    i = ki + 1;
    j = kj + 1;
  }
  return out;
}

/** The stringifier writes some untouched lines differently from the file (a comment's indent,
 * a long value another tool folded): the changes it made for the edit are carried over onto
 * the original text line by line, so only the edited lines differ. `plain` is the old document
 * stringified without the edit. */
function carry(original, plain, edited) {
  if (plain === original) return edited;
  const source = lines(original), base = lines(plain);
  // base line → original line, where they are the same
  const map = new Map(matches(base, source, (x, y) => x === y));
  const out = [];
  let cursor = 0; // next original line not yet copied
  for (const [start, end, replacement] of hunks(base, lines(edited))) {
    let from, to, text = replacement;
    const mapped = [];
    for (let k = start; k < end && map.has(k); k++) mapped.push(map.get(k));
    if (end > start && mapped.length === end - start && mapped[mapped.length - 1] - mapped[0] === end - start - 1) {
      from = mapped[0]; // the edited lines are in the file as they are: replace those
      to = mapped[mapped.length - 1] + 1;
    } else {
      // between the nearest lines both texts share; base lines in between are written as the
      // stringifier does (e.g. a folded value next to the edited one is unfolded)
      let before = start - 1, after = end;
      while (before >= 0 && !map.has(before)) before--;
      while (after < base.length && !map.has(after)) after++;
      from = before >= 0 ? map.get(before) + 1 : 0;
      to = after < base.length ? map.get(after) : source.length;
      if (before === start - 1 && after === end && start === end) to = from; // an insertion keeps the file's lines
      else text = base.slice(before + 1, start).concat(replacement, base.slice(end, after));
    }
    if (from < cursor || to < from) return edited; // cannot place it: the stringified text
    out.push(...source.slice(cursor, from), ...text);
    cursor = to;
  }
  out.push(...source.slice(cursor));
  return out.join("");
}

/** How the file indents a list under a key: `key:\n  - a` (this project) or `key:\n- a` (PyYAML). */
function options(text) {
  return /^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text) && !/^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1  - /m.test(text)
    ? Object.assign({}, OUTPUT, { indentSeq: false })
    : OUTPUT;
}

/** The YAML text `oldText` holding `data`: unchanged data gives `oldText` itself. Returns null
 * when the old text cannot be read (the caller then writes Decap's own text). */
export function mergeYaml(YAML, oldText, data) {
  if (!oldText || !oldText.trim()) {
    const fresh = new YAML.Document(data);
    protect(YAML, fresh.contents);
    return fresh.toString(OUTPUT);
  }
  const doc = YAML.parseDocument(oldText);
  if (doc.errors.length) return null;
  if (same(doc.toJS(), data)) return oldText;
  const style = options(oldText);
  const plain = doc.toString(style);
  doc.contents = apply(YAML, doc, doc.contents, data);
  return carry(oldText, plain, doc.toString(style));
}

const FRONT = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/;

/** A Markdown page: its front matter merged like a YAML file, its text as the form has it
 * (or the file's own when only blank lines at its ends differ). */
export function mergeMarkdown(YAML, oldText, newText) {
  const found = FRONT.exec(newText);
  const old = FRONT.exec(oldText || "");
  if (!found || !old) return newText;
  let data;
  try {
    data = YAML.parse(found[1] || "") || {};
  } catch (e) {
    return newText;
  }
  const front = mergeYaml(YAML, old[1] || "", data);
  if (front === null) return newText;
  const oldBody = oldText.slice(old[0].length), newBody = newText.slice(found[0].length);
  const text = oldBody.trim() === newBody.trim() ? oldBody : newBody;
  return "---\n" + (front && !/\n$/.test(front) ? front + "\n" : front) + "---\n" + text;
}

/** The text to write at `path`, given its current text and the one Decap made. */
export function mergeFile(YAML, path, oldText, newText) {
  if (/\.ya?ml$/.test(path)) {
    let data;
    try {
      data = YAML.parse(newText);
    } catch (e) {
      return newText;
    }
    const merged = mergeYaml(YAML, oldText, data === null || data === undefined ? {} : data);
    return merged === null ? newText : merged;
  }
  if (/\.md$/.test(path)) return mergeMarkdown(YAML, oldText, newText);
  return newText;
}
