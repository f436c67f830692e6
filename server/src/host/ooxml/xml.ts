/**
 * A small XML reader for OOXML parts (word/document.xml, styles.xml, numbering.xml; an xlsx's
 * workbook, shared strings and sheets): elements, attributes and text, nothing else (no DTD, no external entities: a Word file cannot make it
 * fetch or expand anything). Names keep their prefix (`w:p`), which is how Word writes them.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

export class XmlError extends Error {}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITY[name] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text))) {
    const [whole, cdata, closing, name, attrText, selfClosing, chars] = match;
    const top = stack[stack.length - 1];
    if (chars !== undefined) {
      if (stack.length > 1) top.children.push(decodeEntities(chars));
    } else if (cdata !== undefined) top.children.push(cdata);
    else if (name !== undefined) {
      if (closing) {
        if (top.name !== name) throw new XmlError(`unexpected </${name}>`);
        stack.pop();
      } else {
        const attrs: Record<string, string> = {};
        ATTR.lastIndex = 0;
        let a: RegExpExecArray | null;
        while ((a = ATTR.exec(attrText))) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
        const element: XmlElement = { name, attrs, children: [] };
        top.children.push(element);
        if (!selfClosing) stack.push(element);
      }
    } else if (whole.startsWith('<') && !/^<(!--|\?|!DOCTYPE)/.test(whole)) throw new XmlError('malformed tag');
  }
  if (stack.length !== 1) throw new XmlError(`<${stack[stack.length - 1].name}> is not closed`);
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new XmlError('no root element');
  return element;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The `w:val` of a child, the usual way OOXML stores a property. */
export function val(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val'];
}

/** Elements named `name` below `element`, in document order (not looking inside a match). */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const c of node.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      else visit(c);
    }
  };
  visit(element);
  return out;
}

/** The character data directly inside an element (a `<t>`, a `<v>`). */
export function ownText(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}
