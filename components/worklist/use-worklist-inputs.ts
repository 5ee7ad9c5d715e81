import { useEffect, useState } from 'preact/hooks';
import { onWorklistInputsChanged } from '@/lib/messaging/changes';
import { sendMessage } from '@/lib/messaging/protocol';
import type { WorklistInputs } from '@/lib/messaging/worklist';

/**
 * The last portfolio read this session and what the files read said of each person, asked of the background
 * and asked again whenever a portfolio or a file is read. Undefined until the first answer.
 */
export function useWorklistInputs(): WorklistInputs | undefined {
  const [inputs, setInputs] = useState<WorklistInputs>();
  useEffect(() => {
    let alive = true;
    const ask = () =>
      sendMessage('worklist.inputs', undefined)
        .then((answer) => alive && setInputs(answer))
        .catch(() => alive && setInputs({ portfolio: null, files: {} }));
    void ask();
    const stop = onWorklistInputsChanged(() => void ask());
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return inputs;
}
