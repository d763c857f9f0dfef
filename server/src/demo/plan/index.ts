import type { DemoRefs } from './refs.js';

/**
 * The 同部署 story of the demo tenant, in dependency order. Each feature owns
 * one seeder; each receives what the previous ones created through `refs`.
 */
type Seeder = (refs: DemoRefs) => Promise<void>;

export const planSeeders: Seeder[] = [];

export async function seedPlan(refs: DemoRefs) {
  for (const s of planSeeders) await s(refs);
}
