import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
} from 'yaml';
import type { PlatformMeshProfile } from '../types/profile';
import { quoteForMessage, truncateForMessage } from '../validation/echo';
import { joinPath } from '../validation/path';
import type { ValidationProblem } from '../validation/types';
import { findUnquotedTemplates, hasComplexKeys } from './templates';

/**
 * The result of {@link parseProfileYaml}: the parsed document and plain value when the text is
 * valid YAML the operator can decode, and the syntax problems found.
 */
interface ParsedProfileYaml {
  /** The YAML document (keeps comments and quoting), when the text parsed. */
  document?: Document;
  /** The decoded value (any shape: check it with `validateProfileYaml`), when the text parsed. */
  value?: unknown;
  problems: ValidationProblem[];
  /**
   * What the operator accepts but probably is a mistake: a key given twice in one mapping (the
   * operator's `sigs.k8s.io/yaml` keeps the last one, and so does `value`), named by its path.
   */
  warnings: ValidationProblem[];
}

const TEMPLATE_HINT =
  "the operator decodes profile.yaml as plain YAML before templating, so template expressions must sit inside quoted strings, e.g. baseDomain: '{{ .baseDomain }}'";

/** Nesting deeper than this is not searched for duplicate keys. */
const MAX_DEPTH = 200;

/**
 * Every key given more than once in a mapping of the document, as warnings: the operator decodes
 * the profile with `sigs.k8s.io/yaml`, which keeps the last value, as `toJS` does.
 */
function duplicateKeyWarnings(
  node: unknown,
  path: string,
  warnings: ValidationProblem[],
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  if (isMap(node)) {
    const counts = new Map<string, number>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
      duplicateKeyWarnings(
        pair.value,
        joinPath(path, truncateForMessage(key ?? '?')),
        warnings,
        depth + 1,
      );
    }
    for (const [key, count] of counts) {
      if (count < 2) continue;
      warnings.push({
        path: joinPath(path, truncateForMessage(key)),
        message: `the key ${quoteForMessage(
          key,
        )} is given ${count} times in one mapping; the operator (sigs.k8s.io/yaml) uses the last one`,
      });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) =>
      duplicateKeyWarnings(item, joinPath(path, index), warnings, depth + 1),
    );
  }
}

/**
 * Parses profile YAML the way the operator does: one document, no syntax errors, no unquoted
 * template expressions. A key given twice in one mapping is accepted as the operator accepts it
 * (`sigs.k8s.io/yaml`: the last one wins) and reported in `warnings`. Every problem and warning is
 * reported against `path`.
 *
 * @param yaml - the text of `profile.yaml`
 * @param path - the field path to report problems against (default `profile.yaml`)
 */
export function parseProfileYaml(
  yaml: string,
  path = 'profile.yaml',
): ParsedProfileYaml {
  if (yaml.trim() === '') {
    return {
      problems: [{ path, message: 'the profile is empty' }],
      warnings: [],
    };
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(yaml, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
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
      warnings: [],
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
    return { problems, warnings: [] };
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
      warnings: [],
    };
  }
  const warnings: ValidationProblem[] = [];
  duplicateKeyWarnings(document.contents, path, warnings);
  return {
    document,
    value: document.toJS({ maxAliasCount: 100 }),
    problems,
    warnings,
  };
}

/**
 * Parses profile YAML and returns the typed profile when it parses and is a mapping; structural
 * checks are left to `validateProfileYaml`.
 *
 * @param yaml - the text of `profile.yaml`
 */
export function readProfile(yaml: string): PlatformMeshProfile | undefined {
  const parsed = parseProfileYaml(yaml);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  return value as PlatformMeshProfile;
}
