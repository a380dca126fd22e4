import { isScalar, visit, type Document, type LineCounter } from 'yaml';

/**
 * A Go template expression that YAML read as a flow mapping because it was not quoted, e.g.
 * `port: {{ .port }}`.
 */
interface UnquotedTemplate {
  /** 1-based line in the source. */
  line: number;
  /** 1-based column in the source. */
  column: number;
  /** The expression as written, e.g. `{{ .port }}`. */
  expression: string;
}

/**
 * Finds template expressions left unquoted in a parsed YAML document. YAML accepts `{{ .port }}` as
 * a flow mapping whose key is another mapping, so the parser does not fail; the operator's Go YAML
 * decoder does (a mapping cannot be a map key), before any templating happens.
 *
 * @param doc - a document parsed from `source`
 * @param source - the YAML text
 * @param lineCounter - the line counter passed to the parser
 */
export function findUnquotedTemplates(
  doc: Document,
  source: string,
  lineCounter: LineCounter,
): UnquotedTemplate[] {
  const found: UnquotedTemplate[] = [];
  visit(doc, {
    Map(_key, node) {
      const start = node.range?.[0];
      if (node.flow && start !== undefined && source.startsWith('{{', start)) {
        const end = source.indexOf('}}', start);
        const expression =
          end >= 0
            ? source.slice(start, end + 2)
            : source.slice(start, node.range?.[1] ?? start + 2);
        const pos = lineCounter.linePos(start);
        found.push({ line: pos.line, column: pos.col, expression });
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Whether a document has a mapping key that is not a scalar (a complex key). After
 * {@link findUnquotedTemplates} has found none, such keys are still invalid for the operator.
 *
 * @param doc - a parsed YAML document
 * @internal
 */
export function hasComplexKeys(doc: Document): boolean {
  let complex = false;
  visit(doc, {
    Pair(_key, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        complex = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return complex;
}

/**
 * Marks every string scalar that contains a template expression (`{{`) as single-quoted, the style
 * of the upstream profiles (`'{{ .baseDomain }}'`), so the output never depends on the serializer's
 * choice of plain scalars.
 *
 * @param doc - the document to change in place
 * @internal
 */
export function quoteTemplateScalars(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('{{')) {
        node.type = 'QUOTE_SINGLE';
      }
    },
  });
}
