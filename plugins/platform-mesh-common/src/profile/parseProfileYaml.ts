import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { PlatformMeshProfile } from '../types/profile';
import type { ValidationProblem } from '../validation/types';
import { findUnquotedTemplates, hasComplexKeys } from './templates';

/**
 * The result of {@link parseProfileYaml}: the parsed document and plain value when the text is
 * valid YAML the operator can decode, and the syntax problems found.
 *
 * @public
 */
export interface ParsedProfileYaml {
  /** The YAML document (keeps comments and quoting), when the text parsed. */
  document?: Document;
  /** The decoded value (any shape: check it with `validateProfileYaml`), when the text parsed. */
  value?: unknown;
  problems: ValidationProblem[];
}

const TEMPLATE_HINT =
  "the operator decodes profile.yaml as plain YAML before templating, so template expressions must sit inside quoted strings, e.g. baseDomain: '{{ .baseDomain }}'";

/**
 * Parses profile YAML the way the operator needs it: one document, no syntax errors, no duplicate
 * keys, no unquoted template expressions. Every problem is reported against `path`.
 *
 * @param yaml - the text of `profile.yaml`
 * @param path - the field path to report problems against (default `profile.yaml`)
 * @public
 */
export function parseProfileYaml(
  yaml: string,
  path = 'profile.yaml',
): ParsedProfileYaml {
  if (yaml.trim() === '') {
    return { problems: [{ path, message: 'the profile is empty' }] };
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(yaml, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length !== 1) {
    return {
      problems: [
        {
          path,
          message: `the profile must be one YAML document, found ${list.length}`,
        },
      ],
    };
  }
  const document = list[0];
  const lines = yaml.split('\n');
  const problems: ValidationProblem[] = [];

  for (const error of document.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    const lineText = lines[pos.line - 1] ?? '';
    const firstLine = error.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    const hint = lineText.includes('{{') ? `; ${TEMPLATE_HINT}` : '';
    problems.push({
      path,
      message: `line ${pos.line}, column ${pos.col}: ${firstLine}${hint}`,
    });
  }

  for (const template of findUnquotedTemplates(document, yaml, lineCounter)) {
    problems.push({
      path,
      message: `line ${template.line}, column ${template.column}: template expression ${template.expression} is not quoted; ${TEMPLATE_HINT}`,
    });
  }

  if (problems.length > 0) {
    return { problems };
  }
  if (hasComplexKeys(document)) {
    return {
      problems: [
        {
          path,
          message:
            'mapping keys must be plain strings (complex keys are not allowed)',
        },
      ],
    };
  }
  return { document, value: document.toJS({ maxAliasCount: 100 }), problems };
}

/**
 * Parses profile YAML and returns the typed profile when it parses and is a mapping; structural
 * checks are left to `validateProfileYaml`.
 *
 * @param yaml - the text of `profile.yaml`
 * @public
 */
export function readProfile(yaml: string): PlatformMeshProfile | undefined {
  const parsed = parseProfileYaml(yaml);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  return value as PlatformMeshProfile;
}
