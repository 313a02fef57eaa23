import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyChange } from '../domain/progress/classify-change.js';
import { interpretScore } from '../domain/scoring/interpret-score.js';
import type { MeasureDefinition } from '../domain/scoring/measure-definition.js';
import { scoreMeasure } from '../domain/scoring/score-measure.js';
import { checkMeasureDefinition } from './check-measure-definition.js';
import { measureDefinitionSchema } from './measure-schema.js';
import { getMeasure, listMeasures, loadMeasureDefinition, MEASURE_FILES } from './registry.js';

const measures = listMeasures();

/** Answers whose sum is `total` for a plain-sum instrument (no reverse items, every item counted once). */
function answersForTotal(definition: MeasureDefinition, total: number): number[] {
  let remaining = total - definition.range.min;
  return definition.items.map((item) => {
    const values = item.options.map((o) => o.value);
    const lowest = Math.min(...values);
    // The largest allowed value that does not overshoot what is left.
    const pick = values.filter((v) => v - lowest <= remaining).reduce((a, b) => Math.max(a, b), lowest);
    remaining -= pick - lowest;
    return pick;
  });
}

describe('instrument files', () => {
  it('holds the eleven instruments with the DESIGN 3.2 ids', () => {
    expect(measures.map((m) => m.id)).toEqual([
      'phq9',
      'phq2',
      'gad7',
      'gad2',
      'pcl5',
      'phq15',
      'k10',
      'wsas',
      'dass21',
      'audit',
      'auditc',
    ]);
  });

  it.each(MEASURE_FILES.map(([fileName, json]) => ({ fileName, json })))(
    '$fileName matches the schema and its cross-field rules',
    ({ json }) => {
      const parsed = measureDefinitionSchema.safeParse(json);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      if (parsed.success) expect(checkMeasureDefinition(parsed.data)).toEqual([]);
    },
  );

  it('registers every JSON file in the folder', () => {
    const files = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => f.endsWith('.json'));
    expect(MEASURE_FILES.map(([name]) => name).sort()).toEqual(files.sort());
  });

  it('keeps item text out of every score-only file and in every full file', () => {
    for (const m of measures) {
      const texts = m.items.map((item) => item.text);
      if (m.content === 'score-only') expect(texts.every((t) => t === null)).toBe(true);
      else expect(texts.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    }
  });

  it('ships full text only for PHQ-9, PHQ-2, GAD-7, GAD-2 and PCL-5', () => {
    expect(measures.filter((m) => m.content === 'full').map((m) => m.id)).toEqual([
      'phq9',
      'phq2',
      'gad7',
      'gad2',
      'pcl5',
    ]);
  });

  it('has no typical change per week for any instrument (none is sourced)', () => {
    expect(measures.map((m) => m.typicalChangePerWeek)).toEqual(measures.map(() => null));
  });

  it('gives no alias to two instruments', () => {
    const seen = new Map<string, string>();
    for (const m of measures) {
      for (const alias of m.aliases) {
        const key = alias.toLowerCase();
        expect(seen.get(key) ?? m.id, `alias ${alias}`).toBe(m.id);
        seen.set(key, m.id);
      }
    }
  });
});

describe('worked examples', () => {
  const cases = measures.flatMap((m) => m.examples.map((example) => ({ id: m.id, m, example })));

  it.each(cases)('$id: $example.description', ({ m, example }) => {
    const outcome = scoreMeasure(m, example.answers);
    if ('invalid' in example.expected) {
      expect(outcome.kind).toBe('invalid');
      if (outcome.kind === 'invalid') {
        expect([...new Set(outcome.issues.map((i) => i.code))]).toEqual(example.expected.invalid);
      }
      return;
    }
    expect(outcome.kind).toBe('scored');
    if (outcome.kind !== 'scored') return;
    const { total, severity, prorated, subscales, flags } = outcome.result;
    expect({ total, severity, prorated, subscales, flags }).toEqual({
      total: example.expected.total,
      severity: example.expected.severity,
      prorated: example.expected.prorated,
      subscales: example.expected.subscales,
      flags: example.expected.flags,
    });
    if (example.expected.subscaleSeverity !== undefined) {
      expect(outcome.result.subscaleSeverity).toEqual(example.expected.subscaleSeverity);
    }
  });

  const changeCases = measures.flatMap((m) => m.changeExamples.map((example) => ({ id: m.id, m, example })));

  it.each(changeCases)('$id change: $example.description', ({ m, example }) => {
    const outcome = classifyChange(m, example.from, example.to);
    expect(outcome.kind).toBe('classified');
    if (outcome.kind !== 'classified') return;
    const { reliableChange, response, remission, recovery, reliableRecovery } = outcome.result;
    expect({ reliableChange, response, remission, recovery, reliableRecovery }).toEqual(example.expected);
  });

  it('covers every instrument with at least one valid and one invalid example', () => {
    for (const m of measures) {
      expect(
        m.examples.some((e) => !('invalid' in e.expected)),
        m.id,
      ).toBe(true);
      expect(
        m.examples.some((e) => 'invalid' in e.expected),
        m.id,
      ).toBe(true);
    }
  });
});

// Band edges as printed in reference/measures.md, written out here so the data files are checked against the source.
const BAND_EDGES: Record<string, readonly (readonly [number, string])[]> = {
  // §1 [S1][S6][S7]
  phq9: [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately severe'],
    [19, 'moderately severe'],
    [20, 'severe'],
    [27, 'severe'],
  ],
  // §2 [S1][S19]
  gad7: [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ],
  // §10 [S1]
  phq15: [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'low'],
    [9, 'low'],
    [10, 'medium'],
    [14, 'medium'],
    [15, 'high'],
    [30, 'high'],
  ],
  // §8 ABS [S53]
  k10: [
    [10, 'low'],
    [15, 'low'],
    [16, 'moderate'],
    [21, 'moderate'],
    [22, 'high'],
    [29, 'high'],
    [30, 'very high'],
    [50, 'very high'],
  ],
  // §4 [S34]
  wsas: [
    [0, 'subclinical'],
    [9, 'subclinical'],
    [10, 'significant impairment'],
    [20, 'significant impairment'],
    [21, 'moderately severe impairment or worse'],
    [40, 'moderately severe impairment or worse'],
  ],
  // §6 [S47][S48]
  audit: [
    [0, 'zone I (low risk)'],
    [7, 'zone I (low risk)'],
    [8, 'zone II (hazardous)'],
    [15, 'zone II (hazardous)'],
    [16, 'zone III (harmful)'],
    [19, 'zone III (harmful)'],
    [20, 'zone IV (specialist referral)'],
    [40, 'zone IV (specialist referral)'],
  ],
};

describe('band edges', () => {
  const rows = Object.entries(BAND_EDGES).flatMap(([id, edges]) =>
    edges.map(([total, label]) => ({ id, total, label })),
  );

  it.each(rows)('$id total $total is "$label"', ({ id, total, label }) => {
    const m = getMeasure(id)!;
    expect(interpretScore(m, total)?.label).toBe(label);
    const outcome = scoreMeasure(m, answersForTotal(m, total));
    expect(outcome.kind === 'scored' && [outcome.result.total, outcome.result.severity]).toEqual([total, label]);
  });

  it.each(['pcl5', 'phq2', 'gad2', 'auditc', 'dass21'])('%s has no total bands, so severity is null', (id) => {
    const m = getMeasure(id)!;
    expect(m.bands).toBeNull();
    const outcome = scoreMeasure(m, answersForTotal(m, m.range.max));
    expect(outcome.kind === 'scored' && outcome.result.severity).toBeNull();
  });

  // §5 Lovibond & Lovibond 1995 on doubled scores [S41]
  const DASS_EDGES: readonly (readonly [string, number, string])[] = [
    ['depression', 9, 'normal'],
    ['depression', 10, 'mild'],
    ['depression', 13, 'mild'],
    ['depression', 14, 'moderate'],
    ['depression', 20, 'moderate'],
    ['depression', 21, 'severe'],
    ['depression', 27, 'severe'],
    ['depression', 28, 'extremely severe'],
    ['anxiety', 7, 'normal'],
    ['anxiety', 8, 'mild'],
    ['anxiety', 9, 'mild'],
    ['anxiety', 10, 'moderate'],
    ['anxiety', 14, 'moderate'],
    ['anxiety', 15, 'severe'],
    ['anxiety', 19, 'severe'],
    ['anxiety', 20, 'extremely severe'],
    ['stress', 14, 'normal'],
    ['stress', 15, 'mild'],
    ['stress', 18, 'mild'],
    ['stress', 19, 'moderate'],
    ['stress', 25, 'moderate'],
    ['stress', 26, 'severe'],
    ['stress', 33, 'severe'],
    ['stress', 34, 'extremely severe'],
  ];
  it.each(DASS_EDGES)('DASS-21 %s %i is "%s"', (subscale, score, label) => {
    expect(interpretScore(getMeasure('dass21')!, score, { subscale })?.label).toBe(label);
  });
});

describe('property: scoring stays within the instrument', () => {
  const answersArbitrary = (m: MeasureDefinition) =>
    fc.tuple(...m.items.map((item) => fc.constantFrom(...item.options.map((o) => o.value))));

  it.each(measures.map((m) => ({ id: m.id, m })))(
    '$id: any complete valid response scores within the range, in the band that holds it',
    ({ m }) => {
      fc.assert(
        fc.property(answersArbitrary(m), (answers) => {
          const outcome = scoreMeasure(m, answers);
          if (outcome.kind !== 'scored') return false;
          const { total, severity, subscales } = outcome.result;
          if (total !== null) {
            if (total < m.range.min || total > m.range.max) return false;
            if (severity !== (interpretScore(m, total)?.label ?? null)) return false;
            if (m.bands !== null && severity === null) return false;
          }
          return m.scoring.subscales.every((s) => {
            const value = subscales[s.id];
            return value !== undefined && value >= s.range.min && value <= s.range.max;
          });
        }),
      );
    },
  );

  it.each(measures.map((m) => ({ id: m.id, m })))(
    '$id: raising one answer never lowers the total or the band',
    ({ m }) => {
      if (m.scoring.total === null) return;
      const bandIndex = (total: number) => (m.bands ?? []).findIndex((b) => total >= b.min && total <= b.max);
      fc.assert(
        fc.property(answersArbitrary(m), fc.nat({ max: m.items.length - 1 }), (answers, index) => {
          const options = m.items[index]!.options.map((o) => o.value);
          const higher = options.find((v) => v > answers[index]!);
          if (higher === undefined) return true;
          const raised = [...answers];
          raised[index] = higher;
          const a = scoreMeasure(m, answers);
          const b = scoreMeasure(m, raised);
          if (a.kind !== 'scored' || b.kind !== 'scored') return false;
          return b.result.total! >= a.result.total! && bandIndex(b.result.total!) >= bandIndex(a.result.total!);
        }),
      );
    },
  );

  it.each(measures.filter((m) => m.missingItemRule.kind === 'prorate').map((m) => ({ id: m.id, m })))(
    '$id: a prorated total stays in range and is flagged',
    ({ m }) => {
      const maxMissing = m.missingItemRule.kind === 'prorate' ? m.missingItemRule.maxMissing : 0;
      fc.assert(
        fc.property(
          answersArbitrary(m),
          fc.uniqueArray(fc.nat({ max: m.items.length - 1 }), { minLength: 1, maxLength: maxMissing }),
          (answers, missing) => {
            const withGaps: (number | null)[] = [...answers];
            for (const i of missing) withGaps[i] = null;
            const outcome = scoreMeasure(m, withGaps);
            return (
              outcome.kind === 'scored' &&
              outcome.result.prorated &&
              outcome.result.total! >= m.range.min &&
              outcome.result.total! <= m.range.max
            );
          },
        ),
      );
    },
  );

  it.each(measures.filter((m) => m.bands !== null).map((m) => ({ id: m.id, m })))(
    '$id: bands are monotonic over the whole range',
    ({ m }) => {
      fc.assert(
        fc.property(
          fc.integer({ min: m.range.min, max: m.range.max }),
          fc.integer({ min: m.range.min, max: m.range.max }),
          (x, y) => {
            const [low, high] = x <= y ? [x, y] : [y, x];
            const index = (t: number) => m.bands!.findIndex((b) => b.label === interpretScore(m, t)?.label);
            return index(low) >= 0 && index(low) <= index(high);
          },
        ),
      );
    },
  );
});

describe('loadMeasureDefinition', () => {
  const phq9Json = MEASURE_FILES.find(([name]) => name === 'phq-9.json')![1] as Record<string, unknown>;

  it('rejects a file with an unknown field, naming the file', () => {
    expect(() => loadMeasureDefinition('bad.json', { ...phq9Json, severityBands: [] })).toThrow(/bad\.json/);
  });

  it('rejects bands that leave a gap', () => {
    const bands = [
      { min: 0, max: 4, label: 'minimal' },
      { min: 6, max: 27, label: 'rest' },
    ];
    expect(() => loadMeasureDefinition('gap.json', { ...phq9Json, bands })).toThrow(/must start right after/);
  });

  it('rejects a declared range that the scoring cannot produce', () => {
    expect(() => loadMeasureDefinition('range.json', { ...phq9Json, range: { min: 0, max: 30 } })).toThrow(
      /scoring gives 0–27/,
    );
  });

  it('rejects an id that is not the letters and digits of the short name', () => {
    expect(() => loadMeasureDefinition('id.json', { ...phq9Json, id: 'phq' })).toThrow(/id must be "phq9"/);
  });

  it('rejects a band set without a citation', () => {
    const citations = { ...(phq9Json.citations as Record<string, string>) };
    delete citations.bands;
    expect(() => loadMeasureDefinition('cite.json', { ...phq9Json, citations })).toThrow(
      /bands is set but has no citation/,
    );
  });

  it('returns a frozen definition', () => {
    const loaded = loadMeasureDefinition('phq-9.json', phq9Json);
    expect(Object.isFrozen(loaded.items[0])).toBe(true);
  });
});
