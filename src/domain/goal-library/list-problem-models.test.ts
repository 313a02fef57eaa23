import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemArea } from '../formulation/formulation.js';
import { listCbtInterventions } from './cbt-intervention.js';
import {
  findMaintainingFactor,
  getProblemModel,
  listMaintainingFactors,
  listProblemModels,
} from './list-problem-models.js';

const MODELS_DIR = join(import.meta.dirname, 'models');
const FILES = readdirSync(MODELS_DIR).filter((name) => name.endsWith('.json'));
const INTERVENTION_IDS = listCbtInterventions().map((entry) => entry.id);

describe('listProblemModels', () => {
  it('has one model per problem area, each loaded from a file in models/', () => {
    expect(
      listProblemModels()
        .map((model) => model.problemArea)
        .sort(),
    ).toEqual(Object.values(ProblemArea).sort());
    expect(FILES).toHaveLength(listProblemModels().length);
  });

  it('uses every intervention of the catalogue in some model', () => {
    const used = new Set(
      listProblemModels().flatMap((model) =>
        model.maintainingFactors.flatMap((factor) =>
          factor.objectives.flatMap((objective) => objective.interventions.map((use) => use.interventionId)),
        ),
      ),
    );
    const unused = INTERVENTION_IDS.filter((id) => !used.has(id) && id !== 'relapse-prevention');
    expect(unused).toEqual([]);
  });
});

describe('getProblemModel', () => {
  it('returns the panic and agoraphobia model for the panic area', () => {
    expect(getProblemModel('panic').name).toBe('Panic disorder and agoraphobia');
  });
});

describe('listMaintainingFactors', () => {
  it('offers the DESIGN 2.1 maintaining factors for depression', () => {
    expect(listMaintainingFactors('depression').map((factor) => factor.name)).toEqual([
      'Withdrawal and inactivity',
      'Rumination',
      'Negative automatic thoughts',
    ]);
  });
});

describe('findMaintainingFactor', () => {
  it('finds a factor by its library key and nothing for an unknown key', () => {
    expect(findMaintainingFactor('panic.safety-behaviours')?.name).toBe('Safety behaviours');
    expect(findMaintainingFactor('panic.unknown')).toBeUndefined();
  });
});
