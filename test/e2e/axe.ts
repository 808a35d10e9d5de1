import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core from node_modules, injected into the page under test. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * axe's serious and critical violations on the whole page (shadow roots included), each with up to 40 of the
 * elements concerned and, for contrast, the colours axe measured.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate<Violation[]>(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((result) => result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 40).map((n) => {
        const data = n.any[0] && n.any[0].data;
        const colours = data && data.fgColor ? ' (' + data.fgColor + ' on ' + data.bgColor + ', ' + data.contrastRatio + ')' : '';
        return n.target.join(' ') + colours;
      }),
    })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
