import { useState } from 'react';
import { addExample } from '../lib/article-form';

type Props = {
  examples: string[];
  editable: boolean;
  error: string | undefined;
  onChange: (examples: string[]) => void;
};

/** Example questions, added and removed one by one; customers' paraphrases of them get the article's answer. */
export function ExampleQuestionsField({ examples, editable, error, onChange }: Props) {
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const result = addExample(examples, next);
    setProblem(result.error);
    if (result.error) return;
    onChange(result.examples);
    setNext('');
  };

  return (
    <fieldset className="kb-examples">
      <legend>Example questions ({examples.length})</legend>
      <ul data-testid="kb-examples">
        {examples.map((example, index) => (
          <li key={example} className="kb-example">
            <span>{example}</span>
            {editable && (
              <button
                type="button"
                className="link-button"
                aria-label={`Remove “${example}”`}
                data-testid="kb-example-remove"
                onClick={() => onChange(examples.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <div className="kb-example-add">
          <input
            type="text"
            placeholder="How would a customer ask it?"
            aria-label="New example question"
            data-testid="kb-example-input"
            value={next}
            onChange={(event) => {
              setNext(event.target.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="btn" data-testid="kb-example-add" onClick={add}>
            Add
          </button>
        </div>
      )}
      {(problem ?? error) && <p className="field-error">{problem ?? error}</p>}
    </fieldset>
  );
}
