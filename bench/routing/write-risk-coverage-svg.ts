import { fmt, percentLabel, polyline, renderChart, ticksBetween, writeSvgFile } from '../lib/svg-chart';
import type { RiskCoveragePoint } from './risk-coverage';

export interface RiskCoverageChart {
  points: readonly RiskCoveragePoint[];
  aurc: number;
  /** The chosen operating point, marked on the curve. */
  chosen: { coverage: number; threshold: number; accuracy: number };
}

/** Writes the risk (1 − accuracy) against coverage as a stand-alone SVG. */
export function writeRiskCoverageSvg(file: string, chart: RiskCoverageChart): void {
  const maxRisk = Math.max(0.05, ...chart.points.map((point) => 1 - point.accuracy)) * 1.1;
  const step = Math.max(1, Math.floor(chart.points.length / 400));
  const sampled = chart.points.filter((_, index) => index % step === 0 || index === chart.points.length - 1);
  const chosen = chart.chosen;
  const svg = renderChart({
    title: `BANKING77 routing: risk–coverage (AURC ${chart.aurc.toFixed(4)})`,
    x: {
      min: 0,
      max: 1,
      ticks: ticksBetween(0, 1, 0.2),
      tickLabel: percentLabel,
      title: 'coverage (share answered, most confident first)',
    },
    y: {
      min: 0,
      max: maxRisk,
      ticks: ticksBetween(0, maxRisk, maxRisk > 0.2 ? 0.05 : 0.02),
      tickLabel: percentLabel,
      title: 'risk (error rate of answered)',
    },
    marks: (scale) => {
      const cx = scale.x(chosen.coverage);
      const cy = scale.y(1 - chosen.accuracy);
      return [
        `<path d="${polyline(
          sampled.map((point) => [point.coverage, 1 - point.accuracy] as const),
          scale,
        )}" fill="none" stroke="#1f6feb" stroke-width="2"/>`,
        `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="5" fill="#d1242f"/>`,
        `<text x="${fmt(cx - 8)}" y="${fmt(cy - 10)}" text-anchor="end" fill="#d1242f">threshold ${chosen.threshold.toFixed(3)}: ${(chosen.coverage * 100).toFixed(1)}% answered, ${(chosen.accuracy * 100).toFixed(1)}% right</text>`,
      ];
    },
  });
  writeSvgFile(file, svg);
}
