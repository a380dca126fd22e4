import { Document, LineCounter, parseDocument } from 'yaml';
import {
  findUnquotedTemplates,
  hasComplexKeys,
  quoteTemplateScalars,
} from './templates';

describe('templates', () => {
  it('locates every unquoted template with line and column', () => {
    const source =
      'a: {{ .a }}\nb:\n  c: "{{ .ok }}"\n  d: {{ toYaml .Values | nindent 2 }}\n';
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter });
    expect(findUnquotedTemplates(doc, source, lineCounter)).toEqual([
      { line: 1, column: 4, expression: '{{ .a }}' },
      { line: 4, column: 6, expression: '{{ toYaml .Values | nindent 2 }}' },
    ]);
  });

  it('does not flag ordinary flow mappings', () => {
    const source = 'a: { b: 1 }\n';
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter });
    expect(findUnquotedTemplates(doc, source, lineCounter)).toEqual([]);
    expect(hasComplexKeys(doc)).toBe(false);
  });

  it('single-quotes every string holding a template', () => {
    const doc = new Document({
      a: '{{ .baseDomain }}',
      b: 'https://{{ .baseDomainPort }}/x',
      c: 'plain',
    });
    quoteTemplateScalars(doc);
    expect(doc.toString()).toBe(
      "a: '{{ .baseDomain }}'\nb: 'https://{{ .baseDomainPort }}/x'\nc: plain\n",
    );
  });
});
