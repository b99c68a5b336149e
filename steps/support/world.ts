// The World of @simulateur scenarios: a handle on the simulator (reset before each scenario),
// the cast, and a notebook of what later steps refer to. No logic here.
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { TrustSpace } from '../../simulator/public-api.ts';
import type { PatientActionResult } from '../../simulator/public-api.ts';
import { currentTrustSpace } from './simulator-lifecycle.ts';
import { findActor, type Actor } from './cast.ts';
import type { SubmissionResult } from './professional-client.ts';
import type { FhirResource } from './directory-client.ts';
import type { MailboxReading } from './mailbox-client.ts';
import { ClientSession } from './client-session.ts';

export interface Notebook {
  lastSubmission?: SubmissionResult;
  lastPatientAction?: PatientActionResult;
  lastDirectoryAnswer?: FhirResource[];
  lastMailboxReading?: MailboxReading;
  /** Pro Santé Connect access tokens by actor label. */
  readonly accessTokens: Record<string, string>;
}

export class HarnessWorld extends World {
  readonly notebook: Notebook = { accessTokens: {} };
  /** The client under test in @conformite scenarios. */
  readonly session = new ClientSession();

  constructor(options: IWorldOptions) {
    super(options);
  }

  get space(): TrustSpace {
    return currentTrustSpace();
  }

  actor(label: string): Actor {
    return findActor(this.space.view(), label);
  }
}

setWorldConstructor(HarnessWorld);
