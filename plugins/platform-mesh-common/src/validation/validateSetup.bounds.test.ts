import { cloneJson } from '../profile/deepMerge';
import { minimalSetup } from '../render/__fixtures__/setups';
import { INPUT_LIMITS } from './limits';
import type { ValidationProblem } from './types';
import { validateSetup } from './validateSetup';

type Loose = Record<string, any>;

function problemsOf(change: (s: Loose) => void): ValidationProblem[] {
  const setup = cloneJson(minimalSetup()) as Loose;
  change(setup);
  const result = validateSetup(setup);
  return result.ok ? [] : result.problems;
}

const MEGABYTE = 'a'.repeat(1_000_000);

describe('validateSetup: bounded inputs and messages', () => {
  it('cuts a long value repeated in a message to 80 characters', () => {
    const problems = problemsOf(s => {
      s.instance.namespace = 'a'.repeat(2000);
    });
    expect(problems).toEqual([
      {
        path: 'instance.namespace',
        message: expect.stringContaining(`"${'a'.repeat(80)}…" is not a valid`),
      },
    ]);
    expect(problems[0].message.length).toBeLessThan(300);
  });

  it('refuses feature toggle names that are not of the operator form, or too long, without echoing them whole', () => {
    const problems = problemsOf(s => {
      s.featureToggles = [
        { name: `feature-${MEGABYTE}` },
        { name: 'Feature_Enable' },
        { name: 'enable-getting-started' },
        { name: 'feature-enable-getting-started' },
      ];
    });
    expect(problems.map(p => p.path)).toEqual([
      'featureToggles[0].name',
      'featureToggles[1].name',
      'featureToggles[2].name',
    ]);
    for (const p of problems) expect(p.message.length).toBeLessThan(300);
  });

  it('refuses more feature toggles than the limit, in one problem', () => {
    const problems = problemsOf(s => {
      s.featureToggles = Array.from(
        { length: INPUT_LIMITS.maxFeatureToggles + 1 },
        (_, i) => ({ name: `feature-x-${i}` }),
      );
    });
    expect(problems).toEqual([
      {
        path: 'featureToggles',
        message: `has ${INPUT_LIMITS.maxFeatureToggles + 1} entries, at most ${
          INPUT_LIMITS.maxFeatureToggles
        } are allowed`,
      },
    ]);
  });

  it('bounds toggle parameters, values, kcp and the profile YAML', () => {
    const problems = problemsOf(s => {
      s.featureToggles = [
        {
          name: 'feature-enable-getting-started',
          parameters: { big: MEGABYTE },
        },
      ];
      s.values = { big: MEGABYTE };
      s.kcp = { providerConnections: [{ secret: 'x', note: MEGABYTE }] };
    });
    expect(problems.map(p => p.path)).toEqual([
      'kcp',
      'featureToggles[0].parameters.big',
      'values',
    ]);
    const yaml = problemsOf(s => {
      s.profile = {
        yaml: `a: ${'b'.repeat(INPUT_LIMITS.maxProfileYamlLength)}`,
      };
    });
    expect(yaml).toEqual([
      {
        path: 'profile.yaml',
        message: expect.stringMatching(/characters long, at most 524288/),
      },
    ]);
  });

  it('lists ten unknown fields of a mapping one by one, sums up the rest, and cuts long keys', () => {
    const problems = problemsOf(s => {
      for (let i = 0; i < 1000; i++) s.instance[`${'k'.repeat(200)}${i}`] = 1;
    });
    expect(problems).toHaveLength(11);
    expect(problems[0].path).toBe(`instance.${'k'.repeat(80)}…`);
    expect(problems[10]).toEqual({
      path: 'instance',
      message: 'has 990 more unknown fields',
    });
  });

  it('refuses a string longer than the limit without echoing it', () => {
    const problems = problemsOf(s => {
      s.ocm = { repo: { name: MEGABYTE } };
    });
    expect(problems).toEqual([
      {
        path: 'ocm.repo.name',
        message: `is 1000000 characters long, at most ${INPUT_LIMITS.maxStringLength} are allowed`,
      },
    ]);
  });
});

describe('validateSetup: warnings', () => {
  it('accepts a profile with a duplicate key and returns a warning naming key and path', () => {
    const setup = cloneJson(minimalSetup()) as Loose;
    setup.profile = {
      yaml: 'infra: {}\ncomponents:\n  services: {}\n  timeout: 5m\n  timeout: 10m\n',
    };
    const result = validateSetup(setup);
    expect(result).toEqual({
      ok: true,
      value: setup,
      warnings: [
        {
          path: 'profile.yaml.components.timeout',
          message:
            'the key "timeout" is given 2 times in one mapping; the operator (sigs.k8s.io/yaml) uses the last one',
        },
      ],
    });
  });

  it('warns about a well-formed feature toggle the operator does not know', () => {
    const setup = cloneJson(minimalSetup()) as Loose;
    setup.featureToggles = [{ name: 'feature-enable-something-new' }];
    const result = validateSetup(setup);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: 'featureToggles[0].name',
        message: expect.stringContaining(
          'feature-enable-something-new is not a feature toggle operator v0.81.14 knows',
        ),
      },
    ]);
  });

  it('has no warnings field for a setup without warnings', () => {
    expect('warnings' in validateSetup(minimalSetup())).toBe(false);
  });
});
