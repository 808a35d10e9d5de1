import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RiskCoveragePoint } from './risk-coverage';

export interface RiskCoverageChart {
  points: readonly RiskCoveragePoint[];
  aurc: number;
  /** The chosen operating point, marked on the curve. */
  chosen: { coverage: number; threshold: number; accuracy: number };
}

const width = 640;
const height = 420;
const margin = { left: 60, right: 20, top: 40, bottom: 50 };

/** Writes the risk (1 − accuracy) against coverage as a stand-alone SVG. */
export function writeRiskCoverageSvg(file: string, chart: RiskCoverageChart): void {
  const maxRisk = Math.max(0.05, ...chart.points.map((point) => 1 - point.accuracy)) * 1.1;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (coverage: number) => margin.left + coverage * plotWidth;
  const y = (risk: number) => margin.top + plotHeight - (risk / maxRisk) * plotHeight;
  const step = Math.max(1, Math.floor(chart.points.length / 400));
  const path_ = chart.points
    .filter((_, index) => index % step === 0 || index === chart.points.length - 1)
    .map(
      (point, index) => `${index === 0 ? 'M' : 'L'}${fmt(x(point.coverage))},${fmt(y(1 - point.accuracy))}`,
    )
    .join(' ');
  const xTicks = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (tick) =>
      `<line x1="${fmt(x(tick))}" y1="${margin.top}" x2="${fmt(x(tick))}" y2="${margin.top + plotHeight}" stroke="#eee"/>` +
      `<text x="${fmt(x(tick))}" y="${height - margin.bottom + 18}" text-anchor="middle">${Math.round(tick * 100)}%</text>`,
  );
  const riskStep = maxRisk > 0.2 ? 0.05 : 0.02;
  const yTicks: string[] = [];
  for (let risk = 0; risk <= maxRisk; risk += riskStep) {
    yTicks.push(
      `<line x1="${margin.left}" y1="${fmt(y(risk))}" x2="${margin.left + plotWidth}" y2="${fmt(y(risk))}" stroke="#eee"/>` +
        `<text x="${margin.left - 8}" y="${fmt(y(risk) + 4)}" text-anchor="end">${(risk * 100).toFixed(0)}%</text>`,
    );
  }
  const chosen = chart.chosen;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">BANKING77 routing: risk–coverage (AURC ${chart.aurc.toFixed(4)})</text>
${xTicks.join('\n')}
${yTicks.join('\n')}
<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>
<path d="${path_}" fill="none" stroke="#1f6feb" stroke-width="2"/>
<circle cx="${fmt(x(chosen.coverage))}" cy="${fmt(y(1 - chosen.accuracy))}" r="5" fill="#d1242f"/>
<text x="${fmt(x(chosen.coverage) - 8)}" y="${fmt(y(1 - chosen.accuracy) - 10)}" text-anchor="end" fill="#d1242f">threshold ${chosen.threshold.toFixed(3)}: ${(chosen.coverage * 100).toFixed(1)}% answered, ${(chosen.accuracy * 100).toFixed(1)}% right</text>
<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">coverage (share answered, most confident first)</text>
<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">risk (error rate of answered)</text>
</svg>
`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, svg);
}

function fmt(value: number): string {
  return value.toFixed(1);
}
