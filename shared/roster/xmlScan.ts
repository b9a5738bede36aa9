/**
 * A small XML scanner for the parts of an .xlsx, linear in the text it reads: a hostile part (64 MB
 * of unclosed tags, endless attributes) costs one pass, never the quadratic time a backtracking
 * regular expression would spend on it. Enough for spreadsheet parts: elements of one name do not
 * nest, any namespace prefix is accepted, attributes are quoted.
 */
export class MalformedXml extends Error {
  override readonly name = 'MalformedXml';
}

export interface XmlElement {
  /** The text between the element's name and the end of its start tag. */
  readonly attrs: string;
  /** The content between the start and end tags; null for a self-closing element. */
  readonly body: string | null;
  /** Where the element starts and where it ends (just past it) in the text scanned. */
  readonly start: number;
  readonly end: number;
}

/** Longest start tag accepted (real ones are a few hundred characters). */
const MAX_TAG = 4096;

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

/** The next start tag `<tag` or `<prefix:tag` at or after `from`: where it starts, where its name ends, its prefix. */
function findOpen(xml: string, tag: string, from: number): { start: number; nameEnd: number; prefix: string } | null {
  for (let i = xml.indexOf('<', from); i >= 0; i = xml.indexOf('<', i + 1)) {
    let nameStart = i + 1;
    let prefix = '';
    let k = nameStart;
    while (k - nameStart < 32 && isNameChar(xml.charCodeAt(k))) k++;
    if (xml.charCodeAt(k) === 58 /* : */ && k > nameStart) {
      prefix = xml.slice(nameStart, k + 1);
      nameStart = k + 1;
    }
    if (!xml.startsWith(tag, nameStart)) continue;
    const after = xml.charCodeAt(nameStart + tag.length);
    if (after === 62 /* > */ || after === 47 /* / */ || after === 32 || after === 9 || after === 10 || after === 13) {
      return { start: i, nameEnd: nameStart + tag.length, prefix };
    }
  }
  return null;
}

/** The elements named `tag` in `xml`, in order. Throws MalformedXml for an unclosed one. */
export function* elements(xml: string, tag: string): Generator<XmlElement> {
  let from = 0;
  for (let open = findOpen(xml, tag, from); open !== null; open = findOpen(xml, tag, from)) {
    const { start, nameEnd, prefix } = open;
    const tagEnd = xml.indexOf('>', nameEnd);
    if (tagEnd < 0 || tagEnd - nameEnd > MAX_TAG) throw new MalformedXml(`<${tag}> start tag`);
    if (xml.charCodeAt(tagEnd - 1) === 47 /* / */) {
      from = tagEnd + 1;
      yield { attrs: xml.slice(nameEnd, tagEnd - 1), body: null, start, end: tagEnd + 1 };
      continue;
    }
    const close = `</${prefix}${tag}>`;
    const closeAt = xml.indexOf(close, tagEnd + 1);
    if (closeAt < 0) throw new MalformedXml(`<${tag}> not closed`);
    from = closeAt + close.length;
    yield { attrs: xml.slice(nameEnd, tagEnd), body: xml.slice(tagEnd + 1, closeAt), start, end: from };
  }
}

/** `xml` without its elements named `tag` (e.g. the phonetic runs of a shared string). */
export function withoutElements(xml: string, tag: string): string {
  let out = '';
  let at = 0;
  for (const e of elements(xml, tag)) {
    out += xml.slice(at, e.start);
    at = e.end;
  }
  return at === 0 ? xml : out + xml.slice(at);
}

/** The first element named `tag`, or null. */
export function firstElement(xml: string, tag: string): XmlElement | null {
  for (const e of elements(xml, tag)) return e;
  return null;
}

/** Attributes of a start tag (names as written, prefixes kept; values not yet decoded). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    const nameStart = i;
    while (i < n && text[i] !== '=' && !/\s/.test(text[i]!)) i++;
    const name = text.slice(nameStart, i);
    while (i < n && /\s/.test(text[i]!)) i++;
    if (text[i] !== '=') break;
    i++;
    while (i < n && /\s/.test(text[i]!)) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, i + 1);
    if (end < 0) break;
    if (name !== '') out[name] = text.slice(i + 1, end);
    i = end + 1;
  }
  return out;
}
