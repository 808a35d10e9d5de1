import type { ChatSnapshot } from './chat-client';
import { h, setText } from './render';
import { waitingStrings as t } from './strings-waiting';

/** Resolves with null once the rating is stored, or with the message to show. */
export type RateConversation = (rating: number, comment: string) => Promise<string | null>;

/**
 * The notice under which a closed conversation asks for a rating: its "closed" notice, while the server
 * says it is not rated yet. Null: ask nothing (open, or rated — also after a reload).
 */
export function ratingAnchor(snapshot: Pick<ChatSnapshot, 'conversation' | 'messages'>): string | null {
  const { conversation, messages } = snapshot;
  if (conversation?.state !== 'closed') return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.conversationId === conversation.id && message.notice === 'closed') return message.id;
  }
  return null;
}

/**
 * "How was this conversation?" 1–5 (native radios in a fieldset: one tab stop, arrow keys choose) with an
 * optional comment, asked once under the closed notice; after sending, a thank-you in its place.
 */
export class RatingForm {
  readonly element: HTMLDivElement;
  private readonly form: HTMLFormElement;
  private readonly comment: HTMLTextAreaElement;
  private readonly button: HTMLButtonElement;
  private readonly message: HTMLParagraphElement;
  private readonly thanks: HTMLParagraphElement;
  /** The conversation rated from this tab (set as the rating is sent): once rated, it shows the thanks. */
  private ratedHere: string | null = null;
  private shownFor: string | null = null;

  constructor(rate: RateConversation) {
    const choices = t.ratingLabels.map((label, index) =>
      h(
        'label',
        { title: label },
        h('input', {
          type: 'radio',
          name: 'hitl-rating',
          value: index + 1,
          'aria-label': label,
          'data-testid': `rating-${index + 1}`,
        }),
        h('span', { 'aria-hidden': 'true' }, String(index + 1)),
      ),
    );
    this.comment = h('textarea', { maxlength: 1000, rows: 2, 'data-testid': 'rating-comment' });
    this.button = h(
      'button',
      { type: 'submit', class: 'rating-submit', 'data-testid': 'rating-submit' },
      t.ratingSend,
    );
    this.message = h('p', { class: 'error', role: 'alert', hidden: true });
    this.form = h(
      'form',
      { novalidate: true },
      h('fieldset', {}, h('legend', {}, t.ratingQuestion), h('div', { class: 'rating-scale' }, ...choices)),
      h('label', { class: 'rating-comment' }, t.ratingComment, this.comment),
      this.message,
      this.button,
    );
    this.thanks = h('p', { class: 'rating-thanks', role: 'status', hidden: true }, t.ratingThanks);
    this.element = h('div', { class: 'rating', 'data-testid': 'rating' }, this.form, this.thanks);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(rate);
    });
    this.form.addEventListener('change', () => this.show(null));
  }

  /** Shows the form (or the thanks) for this snapshot; returns the message id to show it under, or null. */
  render(snapshot: Pick<ChatSnapshot, 'conversation' | 'messages'>): string | null {
    const anchor = ratingAnchor(snapshot);
    const id = snapshot.conversation?.id ?? null;
    const rated = snapshot.conversation?.rated === true;
    if (!anchor || (rated && (id === null || id !== this.ratedHere))) {
      this.element.remove();
      return null;
    }
    this.shownFor = id;
    this.form.hidden = rated;
    this.thanks.hidden = !rated;
    return anchor;
  }

  private async submit(rate: RateConversation): Promise<void> {
    const chosen = this.form.querySelector<HTMLInputElement>('input[name="hitl-rating"]:checked');
    if (!chosen) return this.show(t.ratingChoose);
    // Before the answer: the snapshot that says "rated" may be drawn before this call returns.
    this.ratedHere = this.shownFor;
    this.button.disabled = true;
    setText(this.button, t.ratingSending);
    this.show(null);
    try {
      const problem = await rate(Number(chosen.value), this.comment.value);
      if (problem) {
        this.ratedHere = null;
        return this.show(problem);
      }
      this.form.reset();
    } finally {
      this.button.disabled = false;
      setText(this.button, t.ratingSend);
    }
  }

  private show(problem: string | null): void {
    this.message.hidden = !problem;
    setText(this.message, problem ?? '');
  }
}
