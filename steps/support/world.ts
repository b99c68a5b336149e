// The World of @simulateur scenarios: a handle on the simulator (reset before each scenario),
// the cast, and a notebook of what later steps refer to. No logic here (STYLE.md).
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { TrustSpace } from '../../simulator/trust-space/trust-space.ts';
import type { PatientActionResult } from '../../simulator/mes/mon-espace-sante.ts';
import { currentTrustSpace } from './simulator-lifecycle.ts';
import { findActor, type Actor } from './cast.ts';
import type { SubmissionResult } from './professional-client.ts';

export interface Notebook {
  lastSubmission?: SubmissionResult;
  lastPatientAction?: PatientActionResult;
}

export class HarnessWorld extends World {
  readonly notebook: Notebook = {};

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
