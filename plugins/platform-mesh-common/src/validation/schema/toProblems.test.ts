import { z } from 'zod/v4';
import { INPUT_LIMITS } from '../limits';
import { dnsLabel } from './names';
import { fields, flag, list, mapping, stringMap, text } from './shapes';
import { parseInto, toProblems } from './toProblems';

const connection = mapping({
  secret: dnsLabel,
  external: flag.optional(),
  names: list(text()).optional(),
});
const kcp = mapping({ connections: list(connection) });

function problemsOf(schema: z.ZodType, value: unknown, path = 'kcp') {
  const result = schema.safeParse(value);
  return result.success ? [] : toProblems(result.error.issues, path);
}

describe('toProblems', () => {
  it('returns every problem of one parse at once, with list indices in the paths', () => {
    expect(
      problemsOf(kcp, {
        connections: [
          { secret: 'ok' },
          { secret: 'Not_A_Label', external: 'yes' },
          { names: ['a', 7, ' '] },
        ],
      }),
    ).toEqual([
      {
        path: 'kcp.connections[1].secret',
        message: expect.stringContaining(
          '"Not_A_Label" is not a valid RFC 1123 label',
        ),
      },
      {
        path: 'kcp.connections[1].external',
        message: 'must be true or false, got a string',
      },
      { path: 'kcp.connections[2].secret', message: 'is required' },
      {
        path: 'kcp.connections[2].names[1]',
        message: 'must be a string, got a number',
      },
      { path: 'kcp.connections[2].names[2]', message: 'must not be empty' },
    ]);
  });

  it('lists unknown fields first, cut to 80 characters, at most ten of them', () => {
    const input: Record<string, unknown> = { secret: 7 };
    for (let i = 0; i < 12; i++) input[`${'k'.repeat(100)}${i}`] = 1;
    const problems = problemsOf(connection, input, 'pc');
    expect(problems).toHaveLength(12);
    expect(problems[0]).toEqual({
      path: `pc.${'k'.repeat(80)}…`,
      message:
        'is not a known field (expected one of: secret, external, names)',
    });
    expect(problems[10]).toEqual({
      path: 'pc',
      message: 'has 2 more unknown fields',
    });
    expect(problems[11]).toEqual({
      path: 'pc.secret',
      message: 'must be a string, got a number',
    });
  });

  it('keeps the unknown fields of a nested mapping before its own problems only', () => {
    const schema = mapping({
      first: text(),
      inner: mapping(fields(['a'])),
      last: text(),
    });
    expect(
      problemsOf(schema, { first: 1, inner: { b: 1 }, last: 2, extra: 3 }, ''),
    ).toEqual([
      {
        path: 'extra',
        message: 'is not a known field (expected one of: first, inner, last)',
      },
      { path: 'first', message: 'must be a string, got a number' },
      {
        path: 'inner.b',
        message: 'is not a known field (expected one of: a)',
      },
      { path: 'last', message: 'must be a string, got a number' },
    ]);
  });

  it('uses the key schema message for a record key and an empty base path', () => {
    const key = 'k'.repeat(INPUT_LIMITS.maxStringLength + 1);
    expect(problemsOf(stringMap, { [key]: 'v' }, 'labels')).toEqual([
      {
        path: `labels.${'k'.repeat(80)}…`,
        message: `the key is ${key.length} characters long, at most ${INPUT_LIMITS.maxStringLength} are allowed`,
      },
    ]);
    expect(problemsOf(text(), 1, '')).toEqual([
      { path: '', message: 'must be a string, got a number' },
    ]);
  });

  it('never repeats a string value that is not a name', () => {
    const token = 'fake-token-value';
    const schema = mapping({
      token: text(8),
      list: list(text(), 1),
      flag: flag.optional(),
    });
    const problems = problemsOf(
      schema,
      { token, list: [token, token], flag: token },
      'credential',
    );
    expect(problems.map(p => p.path)).toEqual([
      'credential.token',
      'credential.list',
      'credential.flag',
    ]);
    expect(JSON.stringify(problems)).not.toContain(token);
  });

  it('parseInto appends to the problems given and says whether the value passed', () => {
    const problems = [{ path: 'before', message: 'stays' }];
    expect(parseInto(text(), 'fine', 'a', problems)).toBe(true);
    expect(parseInto(text(), '', 'b', problems)).toBe(false);
    expect(problems).toEqual([
      { path: 'before', message: 'stays' },
      { path: 'b', message: 'must not be empty' },
    ]);
  });
});
