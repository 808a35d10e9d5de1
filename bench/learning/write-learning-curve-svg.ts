import { fmt, percentLabel, polyline, renderChart, ticksBetween, writeSvgFile } from '../lib/svg-chart';
import type { CurvePoint } from './learning-rounds';

export interface LearningSeries {
  name: string;
  color: string;
  curve: readonly CurvePoint[];
}

export interface LearningTarget {
  corrections: number;
  accuracy: number;
  label: string;
}

/**
 * Held-out accuracy (solid) and the share of each round escalated (dashed) against the corrections taught
 * so far, one line per series, with the targets marked.
 */
export function writeLearningCurveSvg(
  file: string,
  chart: { title: string; series: readonly LearningSeries[]; targets: readonly LearningTarget[] },
): void {
  const maxCorrections = Math.max(
    ...chart.targets.map((target) => target.corrections),
    ...chart.series.flatMap((series) => series.curve.map((point) => point.corrections)),
  );
  const xStep = maxCorrections > 2500 ? 1000 : maxCorrections > 1000 ? 500 : 200;
  const xMax = Math.ceil(maxCorrections / xStep) * xStep;
  const svg = renderChart({
    title: chart.title,
    x: {
      min: 0,
      max: xMax,
      ticks: ticksBetween(0, xMax, xStep),
      tickLabel: (value) => value.toLocaleString('en-US'),
      title: 'corrections taught so far',
    },
    y: {
      min: 0,
      max: 1,
      ticks: ticksBetween(0, 1, 0.1),
      tickLabel: percentLabel,
      title: 'held-out accuracy (solid) · share escalated (dashed)',
    },
    marks: (scale) => {
      const marks: string[] = [];
      chart.series.forEach((series, index) => {
        const rounds = series.curve.filter((point) => point.escalatedShare !== null);
        marks.push(
          `<path d="${polyline(
            series.curve.map((point) => [point.corrections, point.testAccuracy] as const),
            scale,
          )}" fill="none" stroke="${series.color}" stroke-width="2"/>`,
          `<path d="${polyline(
            rounds.map((point) => [point.corrections, point.escalatedShare ?? 0] as const),
            scale,
          )}" fill="none" stroke="${series.color}" stroke-width="1.5" stroke-dasharray="5 4"/>`,
          ...series.curve.map(
            (point) =>
              `<circle cx="${fmt(scale.x(point.corrections))}" cy="${fmt(scale.y(point.testAccuracy))}" r="2.5" fill="${series.color}"/>`,
          ),
          `<line x1="${fmt(scale.x(xMax * 0.3))}" y1="${fmt(scale.y(0.64 - index * 0.06))}" x2="${fmt(scale.x(xMax * 0.35))}" y2="${fmt(scale.y(0.64 - index * 0.06))}" stroke="${series.color}" stroke-width="2"/>`,
          `<text x="${fmt(scale.x(xMax * 0.36))}" y="${fmt(scale.y(0.64 - index * 0.06) + 4)}">${series.name}</text>`,
        );
      });
      for (const target of chart.targets) {
        const x = scale.x(target.corrections);
        const y = scale.y(target.accuracy);
        marks.push(
          `<path d="M${fmt(x - 5)},${fmt(y)} L${fmt(x + 5)},${fmt(y)} M${fmt(x)},${fmt(y - 5)} L${fmt(x)},${fmt(y + 5)}" stroke="#d1242f" stroke-width="2"/>`,
          `<text x="${fmt(x)}" y="${fmt(y - 9)}" text-anchor="middle" fill="#d1242f">${target.label}</text>`,
        );
      }
      return marks;
    },
  });
  writeSvgFile(file, svg);
}
