/**
 * Every target of the plan's active goals (and their objectives) as a progress chart with its status line, grouped
 * by goal: instrument targets with the instrument's bands and reliable-change band, behaviour targets in the
 * behaviour's own words ("panic attacks per week"), and the plan's next review date.
 *
 * @example
 * <TargetCharts plan={plan} progress={progress} behaviors={behaviors} today={today} />
 */
import type { GoalProgress } from '../../../domain/progress/summarize-plan-progress.js';
import type { TargetProgress } from '../../../domain/progress/target-status.js';
import type { Behavior, ClientProgress, Plan, PlanTarget } from '../../api/clients-api.js';
import { findInstrument } from '../../lib/instruments.js';
import { ProgressChart } from '../ProgressChart/ProgressChart.js';

export interface TargetChartsProps {
  readonly plan: Plan;
  readonly progress: ClientProgress;
  readonly behaviors: readonly Behavior[];
  /** Show only the first N charts (the overview); all when absent. */
  readonly limit?: number;
}

interface ChartItem {
  readonly key: string;
  readonly goalIndex: number;
  readonly goalStatement: string;
  readonly where: string;
  readonly target: PlanTarget;
  readonly progress: TargetProgress;
}

function collect(plan: Plan, goals: readonly GoalProgress[]): ChartItem[] {
  const items: ChartItem[] = [];
  plan.goals.forEach((goal, goalIndex) => {
    if (goal.status !== 'active') return;
    const goalProgress = goals.find((g) => g.goalId === goal.id);
    if (!goalProgress) return;
    for (const target of goal.targets) {
      const p = goalProgress.targets.find((t) => t.targetId === target.id);
      if (p)
        items.push({ key: target.id, goalIndex, goalStatement: goal.statement, where: 'goal', target, progress: p });
    }
    goal.objectives.forEach((objective, objectiveIndex) => {
      const op = goalProgress.objectives.find((o) => o.objectiveId === objective.id);
      for (const target of objective.targets) {
        const p = op?.targets.find((t) => t.targetId === target.id);
        if (p) {
          items.push({
            key: target.id,
            goalIndex,
            goalStatement: objective.statement,
            where: `objective ${goalIndex + 1}.${objectiveIndex + 1}`,
            target,
            progress: p,
          });
        }
      }
    });
  });
  return items;
}

/** What a target measures, in words, and the unit of its values. */
function measureWords(target: PlanTarget, behaviors: readonly Behavior[]): { title: string; unit?: string } {
  switch (target.measure.kind) {
    case 'instrument': {
      const m = findInstrument(target.measure.instrumentId);
      const name = m?.shortName ?? target.measure.instrumentId;
      return { title: target.measure.subscale ? `${name} (${target.measure.subscale})` : name };
    }
    case 'behavior': {
      const behaviorId = target.measure.behaviorId;
      const b = behaviors.find((x) => x.id === behaviorId);
      const name = b?.name ?? 'Counted behaviour';
      const per = target.per ?? b?.period;
      const unit = per ? `${b?.unit ?? name} per ${per}` : (b?.unit ?? name);
      return { title: per ? `${name} per ${per}` : name, unit };
    }
    case 'gas':
      return { title: 'Goal attainment scale', unit: 'levels' };
  }
}

export function TargetCharts({ plan, progress, behaviors, limit }: TargetChartsProps) {
  if (!progress.progress) return null;
  const all = collect(plan, progress.progress.goals);
  const items = limit === undefined ? all : all.slice(0, limit);
  if (items.length === 0) return <p className="muted">No targets on the plan's active goals yet.</p>;
  return (
    <div className="target-charts">
      {items.map((item) => {
        const words = measureWords(item.target, behaviors);
        const instrument =
          item.target.measure.kind === 'instrument' && !item.target.measure.subscale
            ? findInstrument(item.target.measure.instrumentId)
            : undefined;
        return (
          <div key={item.key} className="target-chart">
            <p className="target-chart__context muted">
              Goal {item.goalIndex + 1}
              {item.where === 'goal' ? '' : ` · ${item.where}`}: {item.goalStatement}
            </p>
            <ProgressChart
              title={words.title}
              progress={item.progress}
              series={progress.seriesByTargetId[item.target.id] ?? []}
              startDate={item.target.startDate}
              dueDate={item.target.dueDate}
              today={progress.today}
              bands={instrument?.bands ?? null}
              range={instrument?.range ?? null}
              reliableChangeThreshold={instrument?.reliableChangeThreshold ?? null}
              reviewDates={[plan.nextReviewDate]}
              per={item.target.per}
              {...(words.unit ? { unit: words.unit } : {})}
            />
          </div>
        );
      })}
    </div>
  );
}
