import './answer-toggle.css';

type Props = { checked: boolean; onChange: (checked: boolean) => void };

/** Beside the composer: whether the next reply is kept as the answer to the customer's question. */
export function AnswerToggle({ checked, onChange }: Props) {
  return (
    <label
      className="answer-toggle"
      title="Kept as a training example (human answer), reviewed by a second person"
    >
      <input
        type="checkbox"
        data-testid="mark-next-answer"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      This reply answers the customer’s question (training example)
    </label>
  );
}
