import type { Alternative } from '@hitl/shared/models';
import type { Article } from '../knowledge/knowledge-base';
import { BlendedRanker } from './blended-ranker';
import { type CalibrationParameters, calibrateConfidence } from './calibrate-confidence';
import { fitCalibration } from './fit-calibration';
import { QuestionEncoder } from './question-encoder';
import type { LearnedExample, Responder, ResponderAnswer, ResponderContext } from './responder';
import { SimilarityClassifier } from './similarity-classifier';
import { sharedWordVectors } from './word-vectors/load-word-vectors';
import { SentenceEmbedder } from './word-vectors/sentence-embedder';
import type { WordVectors } from './word-vectors/word-vectors';

/**
 * The offline model's name and version, stored with every answer and correction (provenance): v1 was
 * TF-IDF similarity alone, v2 blended it with the linear classifier, v3 calibrates with the
 * neighbourhood of each answer hidden, v4 adds pretrained word vectors and keeps pronouns. A change to
 * what the model answers bumps it.
 */
export const offlineModelId = 'offline-blend-v4';

/**
 * The offline responder: answers from knowledge-base articles and learned corrections, no network.
 * It answers each question on its own; earlier turns in the context are not used.
 */
export interface OfflineResponder extends Responder {
  /** Rebuilds the model (and refits its calibration) from these articles, keeping everything learned. */
  retrain(articles: Article[]): void;
  /** Number of training examples: article titles and example questions, plus learned questions. */
  readonly size: number;
  /** Whether word vectors take part (false with `wordVectors: false` or when they could not be loaded). */
  readonly usesWordVectors: boolean;
}

export interface OfflineResponderOptions {
  articles: Article[];
  learned?: LearnedExample[];
  /**
   * How often customers ask something no article answers, relative to questions one does (default 0.5).
   * Calibration reserves that much probability for questions that resemble no article (simulated by
   * hiding a question's answer and the answers nearest to it), so it lowers the confidence of questions
   * that look off-topic and barely moves that of questions close to an article. Where every question is
   * known to be answerable, 0 gives confidences that match accuracy a little more closely still.
   */
  unanswerableShare?: number;
  /**
   * Pretrained word vectors blended with the TF-IDF features (default: the shipped ones, loaded once per
   * process; see `loadWordVectors`). `false` answers on TF-IDF features alone, the model before v4, which
   * is also what happens when the vectors cannot be loaded.
   */
  wordVectors?: WordVectors | false;
  /** Share of the sentence-vector cosine in every comparison (see `QuestionEncoder`). Default 0.3. */
  denseShare?: number;
}

/** An answer the model can give: an article, or a learned question→answer pair. */
interface AnswerEntry {
  id: string;
  title: string;
  text: string;
  topic: string | null;
}

interface Model {
  encoder: QuestionEncoder;
  ranker: BlendedRanker;
  calibration: CalibrationParameters;
}

const maxAlternatives = 3;
/** Training examples replayed to fit the calibration. */
const calibrationQueries = 3000;
/**
 * Share of the answers, nearest to a replayed question, hidden with its own to simulate a question no
 * article answers (see `hiddenNeighbours` in `fitCalibration`): off-topic questions are far from a whole
 * neighbourhood of articles, not just from one.
 */
const unanswerableNeighbourhood = 0.1;
const learnedPrefix = 'learned:';
/** Weight of the nearest examples in the similarity score when word vectors take part. */
const vectorNeighbourWeight = 0.8;

export function createOfflineResponder(options: OfflineResponderOptions): OfflineResponder {
  const entries = new Map<string, AnswerEntry>();
  const learned = new Map<string, LearnedExample>();
  const answerGroups = new Map<string, number>();
  for (const example of options.learned ?? []) learned.set(example.id, example);
  let articles = options.articles;
  const wordVectors =
    options.wordVectors === false ? undefined : (options.wordVectors ?? sharedWordVectors());
  let model = train();

  function train(): Model {
    entries.clear();
    const labelled: Array<[label: string, question: string]> = [];
    for (const article of articles) {
      entries.set(article.id, {
        id: article.id,
        title: article.title,
        text: article.answer,
        topic: article.topic,
      });
      // The title is one more short phrasing of what the article is about.
      for (const question of [article.title, ...article.examples]) labelled.push([article.id, question]);
    }
    for (const example of learned.values()) labelled.push([addLearned(example), example.question]);
    const embedder = wordVectors === undefined ? undefined : new SentenceEmbedder(wordVectors);
    const encoder = new QuestionEncoder(embedder, options.denseShare).fit(
      labelled.map(([, question]) => question),
    );
    const classifier = new SimilarityClassifier({
      denseDimensions: encoder.denseDimensions,
      // Sentence vectors make single close examples more telling than the TF-IDF ones alone: on BANKING77
      // a nearest-example weight of 0.8 (0.4 for TF-IDF alone) gave +0.43 points and a lower AURC.
      ...(encoder.usesWordVectors ? { neighbourWeight: vectorNeighbourWeight } : {}),
    });
    for (const [label, question] of labelled) classifier.addExample(label, encoder.encode(question));
    // The linear model predicts article answers; a learned example giving an article's answer trains it too.
    answerGroups.clear();
    for (const article of articles)
      if (!answerGroups.has(article.answer)) answerGroups.set(article.answer, answerGroups.size);
    const ranker = new BlendedRanker(classifier, groupOf, answerGroups.size);
    const calibration = fitCalibration(ranker, {
      answerOf: (label) => entries.get(label)?.text,
      maxQueries: calibrationQueries,
      unanswerableWeight: options.unanswerableShare ?? 0.5,
      hiddenNeighbours: Math.round(unanswerableNeighbourhood * answerGroups.size),
    });
    return { encoder, ranker, calibration };
  }

  /**
   * The class a learned example trains: the article giving the same answer, if any (one more phrasing of
   * it, so a confirmed answer strengthens its article rather than competing with it as a one-question
   * class), otherwise its own answer entry.
   */
  function addLearned(example: LearnedExample): string {
    for (const article of articles) if (article.answer === example.answer) return article.id;
    const entry = learnedEntry(example);
    entries.set(entry.id, entry);
    return entry.id;
  }

  function groupOf(label: string): number | undefined {
    const text = entries.get(label)?.text;
    return text === undefined ? undefined : answerGroups.get(text);
  }

  async function answer(context: ResponderContext): Promise<ResponderAnswer> {
    const query = model.encoder.encode(context.question);
    const ranked = model.ranker.rank(query);
    const best = ranked[0];
    const bestEntry = best === undefined ? undefined : entries.get(best.label);
    if (best === undefined || bestEntry === undefined) {
      return {
        text: '',
        confidence: 0,
        sources: [],
        alternatives: [],
        responder: 'offline',
        modelId: offlineModelId,
      };
    }
    // Classes giving the same answer text do not compete: the margin is taken to the best different answer.
    const rivals = ranked.filter((score) => entries.get(score.label)?.text !== bestEntry.text);
    const runnerUp = rivals[0]?.score ?? 0;
    const alternatives: Alternative[] = [];
    const seenTexts = new Set<string>();
    for (const rival of rivals) {
      const entry = entries.get(rival.label);
      if (entry === undefined || seenTexts.has(entry.text)) continue;
      seenTexts.add(entry.text);
      alternatives.push({
        id: entry.id,
        title: entry.title,
        confidence: calibrateConfidence(rival.score, best.score, model.calibration),
      });
      if (alternatives.length === maxAlternatives) break;
    }
    return {
      text: bestEntry.text,
      confidence: calibrateConfidence(best.score, runnerUp, model.calibration),
      sources: [{ id: bestEntry.id, title: bestEntry.title }],
      alternatives,
      topic: bestEntry.topic,
      responder: 'offline',
      modelId: offlineModelId,
    };
  }

  /** Adds the example as its own class in place; the calibration is refitted only by the next retrain. */
  async function learn(example: LearnedExample): Promise<void> {
    const replacing = learned.has(example.id);
    learned.set(example.id, example);
    if (replacing) {
      model = train();
      return;
    }
    const label = addLearned(example);
    model.encoder.extend(example.question);
    model.ranker.learn(label, model.encoder.encode(example.question));
  }

  return {
    name: 'offline',
    modelId: offlineModelId,
    answer,
    learn,
    retrain(next: Article[]): void {
      articles = next;
      model = train();
    },
    async setArticles(next: Article[]): Promise<void> {
      articles = next;
      model = train();
    },
    get size(): number {
      return model.ranker.size;
    },
    get usesWordVectors(): boolean {
      return model.encoder.usesWordVectors;
    },
  };
}

function learnedEntry(example: LearnedExample): AnswerEntry {
  const question = example.question.trim();
  const title = question.length > 60 ? `${question.slice(0, 57)}…` : question;
  return { id: `${learnedPrefix}${example.id}`, title, text: example.answer, topic: null };
}
