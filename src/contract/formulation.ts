import { z } from 'zod';
import { FormulationElementKind, ProblemArea } from '../domain/formulation/formulation.js';
import { Id } from './common.js';

/**
 * A structured CBT formulation: problem areas and elements with ids (goals link to them).
 *
 * @example
 * const body: z.infer<typeof SaveFormulationRequest> = { problemAreas: ['panic'],
 *   elements: [{ kind: 'safety-behaviour', text: 'Carries water everywhere' }] };
 */
export const ProblemAreaName = z.enum(Object.values(ProblemArea) as [ProblemArea, ...ProblemArea[]]);
export const ElementKindName = z.enum(
  Object.values(FormulationElementKind) as [FormulationElementKind, ...FormulationElementKind[]],
);

export const FormulationView = z.object({
  id: Id,
  clientId: Id,
  problemAreas: z.array(ProblemAreaName),
  elements: z.array(z.object({ id: Id, kind: ElementKindName, text: z.string(), libraryKey: z.string().nullable() })),
});

export const SaveFormulationRequest = z.strictObject({
  problemAreas: z.array(ProblemAreaName).max(7),
  elements: z
    .array(
      z.strictObject({
        id: Id.optional().describe('Keep an existing element (goals link to it); omit for a new one.'),
        kind: ElementKindName,
        text: z.string().max(2000),
        libraryKey: z.string().max(100).nullable().optional(),
      }),
    )
    .max(200),
});
