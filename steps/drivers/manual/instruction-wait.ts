// One instruction and the wait for its traffic (manual driver): printed with its deadline,
// published with its timeout on the OperatorConsole, a countdown in the terminal, and an early end
// when the person says nothing will come (« r », or the instruction closed in the web UI).
import type { OperatorPrompt } from '../../../simulator/public-api.ts';
import { deadlineText, remainingText } from './countdown.ts';
import type { Instruction } from './instructions.ts';
import type { OperatorDialogue } from './operator-dialogue.ts';
import type { TrafficSource } from './traffic-probes.ts';
import { waitForTraffic } from './traffic-wait.ts';

export interface InstructionWaitSettings {
  readonly dialogue: OperatorDialogue;
  readonly space: TrafficSource;
  readonly timeoutMs: number;
  readonly countdownEveryMs: number;
  readonly now: () => Date;
}

export type InstructionOutcome<T> = { readonly found: true; readonly value: T } | { readonly found: false; readonly prompt: OperatorPrompt };

const GIVE_UP_HINT = "Si le logiciel refuse ou si rien ne se passe, tapez « r » puis Entrée (ou fermez la consigne dans l'interface web) : une question suivra.";

export async function instructAndWait<T>(settings: InstructionWaitSettings, instruction: Instruction, probe: () => T | undefined): Promise<InstructionOutcome<T>> {
  const { dialogue, space, timeoutMs } = settings;
  const deadline = new Date(settings.now().getTime() + timeoutMs);
  const prompt = dialogue.instruct(instruction.text, instruction.details, [deadlineText(deadline, timeoutMs), GIVE_UP_HINT], timeoutMs);
  const giveUp = dialogue.watchGiveUp(prompt);
  const end = await waitForTraffic({
    probe,
    timeoutMs,
    triggers: [(wake) => space.observations.onAny(wake)],
    tickMs: settings.countdownEveryMs,
    onTick: (remainingMs) => dialogue.print(`    ${remainingText(remainingMs, deadline)}`),
    signal: giveUp.signal,
  });
  giveUp.stop();
  if (end.kind === 'found') {
    dialogue.close(prompt, 'done');
    dialogue.print('    Trafic reçu par le simulateur : consigne exécutée.');
    return { found: true, value: end.value };
  }
  dialogue.close(prompt, 'expired');
  dialogue.print(end.kind === 'timeout' ? '    Délai écoulé : rien reçu par le simulateur.' : "    Attente interrompue par l'opérateur.");
  return { found: false, prompt };
}
