import { isValidEmail } from './contact-prompt';
import { h, setText } from './render';
import type { WidgetStrings } from './strings/en';

/** Resolves with null when the e-mail was saved, or with the message to show. */
export type LeaveContact = (email: string) => Promise<string | null>;

/** "Leave your e-mail and we will write back": shown under the notice that nobody is online. */
export class ContactForm {
  readonly element: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly button: HTMLButtonElement;
  private readonly message: HTMLParagraphElement;

  constructor(
    leave: LeaveContact,
    private readonly strings: WidgetStrings,
  ) {
    this.input = h('input', {
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      placeholder: 'you@example.com',
      'aria-label': strings.contactLabel,
      'data-testid': 'contact-email',
      required: true,
    });
    this.button = h(
      'button',
      { type: 'submit', class: 'contact-submit', 'data-testid': 'contact-submit' },
      strings.contactSend,
    );
    this.message = h('p', { class: 'error', role: 'alert', 'data-testid': 'contact-error', hidden: true });
    this.element = h(
      'form',
      { class: 'contact', 'data-testid': 'contact-form', novalidate: true },
      h('p', { class: 'contact-label' }, strings.contactPrompt),
      h('div', { class: 'contact-row' }, this.input, this.button),
      this.message,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(leave);
    });
    this.input.addEventListener('input', () => this.show(null));
  }

  private async submit(leave: LeaveContact): Promise<void> {
    const email = this.input.value.trim();
    if (!isValidEmail(email)) return this.show(this.strings.contactInvalid);
    this.button.disabled = true;
    this.show(null);
    try {
      const problem = await leave(email);
      this.show(problem);
      if (!problem) this.input.value = '';
    } finally {
      this.button.disabled = false;
    }
  }

  private show(problem: string | null): void {
    this.message.hidden = !problem;
    setText(this.message, problem ?? '');
    this.input.setAttribute('aria-invalid', problem ? 'true' : 'false');
  }
}
