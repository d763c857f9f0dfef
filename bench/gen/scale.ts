/** Row counts per tenant for each scale (issue 7). L is ten tenants of size M. */
export interface ScaleSpec {
  name: string;
  tenants: number;
  units: number;
  people: number;
  tasks: number;
  progressReports: number;
  activities: number;
  outcomes: number;
  /** last year's assessment: targets, each rated by every rater on 60 indicators */
  assessmentTargets: number;
  assessmentRaters: number;
}

export const scales: Record<'S' | 'M' | 'L', ScaleSpec> = {
  S: { name: 'S', tenants: 1, units: 50, people: 500, tasks: 2_000, progressReports: 20_000, activities: 800, outcomes: 4_000, assessmentTargets: 20, assessmentRaters: 10 },
  M: { name: 'M', tenants: 1, units: 200, people: 5_000, tasks: 50_000, progressReports: 500_000, activities: 20_000, outcomes: 100_000, assessmentTargets: 200, assessmentRaters: 30 },
  L: { name: 'L', tenants: 10, units: 200, people: 5_000, tasks: 50_000, progressReports: 500_000, activities: 20_000, outcomes: 100_000, assessmentTargets: 200, assessmentRaters: 30 },
};

export type ScaleName = keyof typeof scales;

export function isScaleName(s: string): s is ScaleName {
  return s in scales;
}

/** A scale shrunk by a factor (the smoke test runs S/10); never below what the org needs. */
export function shrink(spec: ScaleSpec, fraction: number): ScaleSpec {
  if (fraction >= 1) return spec;
  const f = (n: number, min: number) => Math.max(min, Math.round(n * fraction));
  return {
    ...spec,
    name: `${spec.name}/${Math.round(1 / fraction)}`,
    units: f(spec.units, 12),
    people: f(spec.people, 60),
    tasks: f(spec.tasks, 50),
    progressReports: f(spec.progressReports, 0),
    activities: f(spec.activities, 0),
    outcomes: f(spec.outcomes, 0),
    assessmentTargets: f(spec.assessmentTargets, 0),
    assessmentRaters: f(spec.assessmentRaters, 0),
  };
}

/** Tenant code of the i-th bench tenant: `bench` for one tenant, `bench01`… for several. */
export const tenantCode = (spec: ScaleSpec, i: number) => (spec.tenants === 1 ? 'bench' : `bench${String(i + 1).padStart(2, '0')}`);

export const BENCH_PASSWORD = 'Bench@2026';
export const SEED = 20260107;
