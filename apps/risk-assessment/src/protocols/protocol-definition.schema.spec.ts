import { EXAMPLE_PROTOCOLS } from './examples';
import { uncoveredSituations } from './protocol-definition.schema';
import { parseProtocolContent, parseProtocolDefinition } from './protocol-validation';
import { DISEASES } from '@meldpunt/contracts';

/** A minimal valid body an admin could post. */
function content(): Record<string, unknown> {
  return {
    title: 'Testziekte',
    example: false,
    warning: null,
    source: 'Eigen protocol van het CLB.',
    rules: [
      {
        id: 'test.secundair',
        description: 'klasgenoot secundair → hoog risico',
        levels: ['secundair'],
        contactTypes: ['classmate'],
        risk: 'high',
        measures: [{ kind: 'quarantine', days: 10, endsEarly: { negativeTestOnDay: 7 } }],
        letterKind: 'test-high-risk',
      },
      { id: 'test.rest', description: 'rest → laag risico', risk: 'low', measures: [], letterKind: null },
    ],
    urgency: [
      {
        id: 'test.default',
        description: 'normaal',
        urgency: 'normal',
        decisionDeadlineHours: 48,
        alwaysPage: false,
      },
    ],
  };
}

function fieldsOf(value: unknown): Record<string, readonly string[]> {
  const result = parseProtocolContent(value);
  if (result.ok) throw new Error('expected the definition to be refused');
  return Object.fromEntries(result.fields.map((field) => [field.field, field.messages]));
}

describe('protocolDefinitionSchema', () => {
  it.each(DISEASES)(
    'accepts the shipped example for %s, flagged as an example with a Dutch warning',
    (disease) => {
      const example = EXAMPLE_PROTOCOLS[disease];
      const parsed = parseProtocolDefinition(example);
      expect(parsed).toEqual({ ok: true, value: example });
      expect(example).toMatchObject({ protocolId: disease, version: 1, example: true });
      expect(example.warning).toMatch(/^VOORBEELD: .*CLB-arts moet het valideren/);
    },
  );

  it('accepts a minimal valid body', () => {
    expect(parseProtocolContent(content()).ok).toBe(true);
  });

  it('names each bad field with its path under definition', () => {
    const body = content();
    const rules = body['rules'] as Array<Record<string, unknown>>;
    rules[0] = {
      ...rules[0],
      risk: 'extreme',
      measures: [{ kind: 'quarantine', days: 0 }, { kind: 'teleport' }],
      typo: true,
    };
    const fields = fieldsOf(body);
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining([
        'definition.rules[0].risk',
        'definition.rules[0].measures[0].days',
        'definition.rules[0].measures[1].kind',
        'definition.rules[0].typo',
      ]),
    );
    expect(fields['definition.rules[0].typo']).toEqual(['Onbekend veld.']);
    expect(fields['definition.rules[0].risk']?.[0]).toMatch(/Ongeldige optie/);
  });

  it('refuses a protocol that leaves contacts without a rule, and says which', () => {
    const body = content();
    body['rules'] = [(body['rules'] as unknown[])[0]];
    const message = fieldsOf(body)['definition.rules']?.[0] ?? '';
    expect(message).toMatch(/^Niet elk contact krijgt een voorstel; geen regel voor: kleuter · klasgenoot/);
    expect(message).toMatch(/en \d+ meer\)\.$/);
  });

  it('checks coverage at the case-count thresholds (a rule for ≥ 2 cases leaves 1 case uncovered)', () => {
    const gaps = uncoveredSituations([
      {
        id: 'cluster',
        description: 'cluster',
        when: { minCasesInGroup: 2 },
        risk: 'high',
        measures: [],
        letterKind: null,
      },
    ]);
    expect(gaps.every((gap) => gap.casesInGroup === 1)).toBe(true);
    expect(gaps).toHaveLength(4 * 5 * 3);
  });

  it('refuses duplicate rule ids, min > max, an early end after the quarantine and a late start', () => {
    const body = content();
    const rules = body['rules'] as Array<Record<string, unknown>>;
    rules[1] = { ...rules[1], id: 'test.secundair', when: { minCasesInGroup: 3, maxCasesInGroup: 2 } };
    rules.push({ id: 'test.fallback', description: 'vangnet', risk: 'none', measures: [], letterKind: null });
    rules[0] = {
      ...rules[0],
      measures: [
        { kind: 'quarantine', days: 7, endsEarly: { negativeTestOnDay: 7 } },
        { kind: 'exclusion', days: 5, startDay: 6 },
      ],
    };
    const fields = fieldsOf(body);
    expect(fields['definition.rules[1].id']).toEqual([
      'De regel-id "test.secundair" komt meer dan één keer voor.',
    ]);
    expect(fields['definition.rules[1].when.minCasesInGroup']).toBeDefined();
    expect(fields['definition.rules[0].measures[0].endsEarly.negativeTestOnDay']).toBeDefined();
    expect(fields['definition.rules[0].measures[1].startDay']).toBeDefined();
  });

  it('requires a warning on an example and an unconditional last urgency rule', () => {
    const body = content();
    body['example'] = true;
    body['urgency'] = [
      {
        id: 'u.kleuter',
        description: 'kleuter',
        levels: ['kleuter'],
        urgency: 'high',
        decisionDeadlineHours: 24,
        alwaysPage: false,
      },
    ];
    const fields = fieldsOf(body);
    expect(fields['definition.warning']).toEqual(['Een voorbeeldprotocol moet een waarschuwing hebben.']);
    expect(fields['definition.urgency[0]']?.[0]).toMatch(/zonder voorwaarden/);
  });

  it('refuses something that is not an object, and protocolId/version in the body', () => {
    expect(fieldsOf('quarantaine')).toHaveProperty('definition');
    expect(fieldsOf({ ...content(), protocolId: 'measles', version: 3 })).toMatchObject({
      'definition.protocolId': ['Onbekend veld.'],
      'definition.version': ['Onbekend veld.'],
    });
  });
});
