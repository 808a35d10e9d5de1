/** How the customer's mood moves over their messages since the bot's context boundary. */
export interface SentimentTrend {
  /** Score of the newest message (0 when there is none). */
  latest: number;
  average: number;
  /** Least-squares slope of score per message; negative means getting worse. */
  slope: number;
  /** How many of the newest messages each scored lower than the one before, and below 0. */
  worseningStreak: number;
}

/** Summarises sentiment scores, oldest first. */
export function sentimentTrend(scores: number[]): SentimentTrend {
  const n = scores.length;
  if (n === 0) return { latest: 0, average: 0, slope: 0, worseningStreak: 0 };
  const average = scores.reduce((sum, s) => sum + s, 0) / n;
  return {
    latest: scores[n - 1] ?? 0,
    average,
    slope: leastSquaresSlope(scores, average),
    worseningStreak: countWorseningStreak(scores),
  };
}

function leastSquaresSlope(scores: number[], average: number): number {
  const n = scores.length;
  if (n < 2) return 0;
  const meanIndex = (n - 1) / 2;
  let covariance = 0;
  let variance = 0;
  scores.forEach((score, i) => {
    covariance += (i - meanIndex) * (score - average);
    variance += (i - meanIndex) ** 2;
  });
  return covariance / variance;
}

function countWorseningStreak(scores: number[]): number {
  let streak = 0;
  for (let i = scores.length - 1; i > 0; i--) {
    const current = scores[i] ?? 0;
    const previous = scores[i - 1] ?? 0;
    if (!(current < previous && current < 0)) break;
    streak++;
  }
  return streak;
}
