import type { CorrectionCreateInput } from '@hitl/shared/agent-events';
import type { Message } from '@hitl/shared/models';
import { ReasonForm } from './reason-form';

type Props = {
  message: Message;
  onSubmit: (input: CorrectionCreateInput) => Promise<void>;
  onCancel: () => void;
};

export function CorrectionForm({ message, onSubmit, onCancel }: Props) {
  return (
    <ReasonForm
      testIdPrefix="correction"
      submitTestId="correction-submit"
      initialText={message.text}
      textLabel="Corrected reply"
      submitLabel="Save correction"
      busyLabel="Saving…"
      onSubmit={({ text, ...rest }) => onSubmit({ messageId: message.id, correctedText: text, ...rest })}
      onCancel={onCancel}
    />
  );
}
