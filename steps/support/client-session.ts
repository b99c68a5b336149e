// What one conformance scenario remembers about the client under test: who uses it, what each
// action returned, what a search found, the documents sent (to check they arrive intact).
import type { ActionResult, FoundRecipient, ShownFailure } from '../../simulator/public-api.ts';
import type { Actor } from './cast.ts';

export type ProfessionalActor = Extract<Actor, { kind: 'professional' }>;

export interface ClientAction {
  /** What the scenario asked, in French, for messages. */
  readonly description: string;
  readonly subject: string;
  readonly recipients: readonly string[];
  readonly result: ActionResult;
}

/** What one « relever » answered: the mail was fetched, or the error the software showed. */
export type SynchronisationOutcome = { readonly status: 'fetched' } | ShownFailure;

export class ClientSession {
  user?: ProfessionalActor;
  readonly actions: ClientAction[] = [];
  readonly synchronisations: SynchronisationOutcome[] = [];
  /** The scenario made the operator unreachable on purpose (a TLS offer or certificate to refuse): a failed relève is what it judges. */
  operatorMadeUnreachable = false;
  lastFound?: readonly FoundRecipient[];
  /** SHA-256 (hex) of each document sent, by file name. */
  readonly documents = new Map<string, string>();
  /** Message-ID of the message a reply answers, for the In-Reply-To check. */
  repliedTo?: string;
  /** The scenario needs a capability the client did not declare (verdict already attached). */
  inapplicable = false;
  /** The procedure an attestation scenario gave the person (manual driver). */
  procedure?: string;
  /** What a person attested (manual driver), for the report. */
  readonly attestations: { readonly question: string; readonly answer: boolean; readonly expected: boolean }[] = [];

  get lastAction(): ClientAction | undefined {
    return this.actions.at(-1);
  }
}
