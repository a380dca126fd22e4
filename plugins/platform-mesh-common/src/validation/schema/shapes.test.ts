import { z } from 'zod/v4';
import { isPlainObject } from '../../profile/deepMerge';
import { dnsLabel } from './names';
import { flag, mapping, mappingOf, text } from './shapes';
import { toProblems } from './toProblems';
import { parseWithin } from './within';

function problemsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : toProblems(result.error.issues, 'x');
}

describe('schema shapes', () => {
  it('reports one problem per field, the first rule it breaks', () => {
    expect(problemsOf(dnsLabel, 'a'.repeat(5000))).toEqual([
      {
        path: 'x',
        message: 'is 5000 characters long, at most 4096 are allowed',
      },
    ]);
    expect(problemsOf(dnsLabel, '  ')).toEqual([
      { path: 'x', message: 'must not be empty' },
    ]);
  });

  it('still runs a cross-field rule (with when) after a field broke its own rule', () => {
    const schema = mapping({ a: dnsLabel, b: text().optional() }).superRefine(
      (value, ctx) => {
        if (value.b === undefined)
          ctx.addIssue({ code: 'custom', path: ['b'], message: 'needs b' });
      },
      { when: payload => isPlainObject(payload.value) },
    );
    expect(problemsOf(schema, { a: 'Not_A_Label' }).map(p => p.path)).toEqual([
      'x.a',
      'x.b',
    ]);
    expect(problemsOf(schema, 'text')).toEqual([
      { path: 'x', message: 'must be a mapping, got a string' },
    ]);
  });

  it('mappingOf checks the values of unknown fields too, after naming them', () => {
    expect(
      problemsOf(mappingOf(['on'], flag.optional()), { on: 1, off: 2 }),
    ).toEqual([
      { path: 'x.off', message: 'is not a known field (expected one of: on)' },
      { path: 'x.on', message: 'must be true or false, got a number' },
      { path: 'x.off', message: 'must be true or false, got a number' },
    ]);
  });

  it('parseWithin reports a part under its path', () => {
    const schema = mapping({ part: z.unknown().optional() }).superRefine(
      (value, ctx) => {
        parseWithin(ctx, mapping({ name: text() }), value.part, ['part']);
      },
    );
    expect(problemsOf(schema, { part: { name: 1, other: 2 } })).toEqual([
      {
        path: 'x.part.other',
        message: 'is not a known field (expected one of: name)',
      },
      { path: 'x.part.name', message: 'must be a string, got a number' },
    ]);
  });
});
