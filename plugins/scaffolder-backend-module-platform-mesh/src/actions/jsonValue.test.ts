import type { JsonObject } from '@backstage/types';
import { z } from 'zod/v3';
import type { createPlatformMeshApplyAction } from './apply';
import type { createPlatformMeshDeleteAction } from './delete';
import type { createPlatformMeshRenderAction } from './render';
import { isJsonValue, jsonRecord, jsonValue } from './jsonValue';

// What a consumer's `tsc --skipLibCheck false` checks in our declarations: `TemplateAction` needs
// input and output types that are `JsonObject`s. `yarn tsc` fails here when they are not (e.g.
// `Record<string, unknown>` from `z.unknown()`).
type InputOf<A extends (...args: any[]) => { handler: (ctx: any) => any }> =
  Parameters<ReturnType<A>['handler']>[0]['input'];
type Satisfies<T extends JsonObject> = T;
type ActionInputsAreJson = [
  Satisfies<InputOf<typeof createPlatformMeshApplyAction>>,
  Satisfies<InputOf<typeof createPlatformMeshRenderAction>>,
  Satisfies<InputOf<typeof createPlatformMeshDeleteAction>>,
];

describe('action input types', () => {
  it('are JSON objects (a compile-time check: `yarn tsc` fails on this file otherwise)', () => {
    const inputs: ActionInputsAreJson | undefined = undefined;
    expect(inputs).toBeUndefined();
  });
});

describe('isJsonValue', () => {
  it.each([
    ['null', null],
    ['a string', 'x'],
    ['a number', 1.5],
    ['a boolean', false],
    ['an array', [1, 'a', null, [true]]],
    ['a nested object', { a: { b: [1, { c: 'd' }] }, e: undefined }],
    [
      'an object without prototype',
      Object.assign(Object.create(null), { a: 1 }),
    ],
  ])('accepts %s', (_, value) => {
    expect(isJsonValue(value)).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', BigInt(1)],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['undefined in an array', [undefined]],
    ['a function deep inside', { a: [{ b: () => 1 }] }],
  ])('rejects %s', (_, value) => {
    expect(isJsonValue(value)).toBe(false);
  });
});

describe('jsonValue and jsonRecord', () => {
  it('parse JSON objects unchanged', () => {
    const values = { a: 1, b: { c: ['d', null] } };
    expect(jsonRecord(z).parse(values)).toEqual(values);
    expect(z.record(jsonRecord(z)).parse({ svc: values })).toEqual({
      svc: values,
    });
  });

  it('reject what is not JSON, with the path', () => {
    const result = jsonRecord(z).safeParse({ ok: 1, bad: () => 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['bad'],
        message: 'Expected a JSON value',
      }),
    ]);
    expect(jsonValue(z).safeParse(undefined).success).toBe(false);
  });

  it('keep the description of the record', () => {
    expect(jsonRecord(z, { description: 'spec.values' }).description).toBe(
      'spec.values',
    );
  });
});
