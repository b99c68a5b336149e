// The current trust space: the loaded fixtures plus the changes made through the control API,
// as an immutable view rebuilt on each change (rules and publications read `view()` each time).
import { createTrustSpaceView } from '../domain/create-trust-space-view.ts';
import type { PatientProfileState, TrustSpaceData } from '../domain/model.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import { UnknownPatientError } from './unknown-patient-error.ts';

export class TrustSpaceState {
  readonly #fixtures: TrustSpaceData;
  readonly #now: () => Date;
  readonly #fixturesDate: string;
  #data: TrustSpaceData;
  #view: TrustSpaceView;

  constructor(fixtures: TrustSpaceData, now: () => Date) {
    this.#fixtures = fixtures;
    this.#now = now;
    this.#fixturesDate = now().toISOString();
    this.#data = fixtures;
    this.#view = createTrustSpaceView(fixtures, { whitelistUpdatedAt: this.#fixturesDate });
  }

  readonly view = (): TrustSpaceView => this.#view;

  setPatientProfile(ins: string, state: PatientProfileState): void {
    if (!this.#view.patient(ins)) throw new UnknownPatientError(ins);
    const key = ins.toUpperCase();
    this.replace({ ...this.#data, patients: this.#data.patients.map((p) => (p.ins.toUpperCase() === key ? { ...p, profile: state } : p)) });
  }

  /** A new trust space (already validated by the caller); the liste blanche gets today's DateMAJ. */
  replace(data: TrustSpaceData): void {
    this.#data = data;
    this.#view = createTrustSpaceView(data, { whitelistUpdatedAt: this.#now().toISOString() });
  }

  data(): TrustSpaceData {
    return this.#data;
  }

  reset(): void {
    this.#data = this.#fixtures;
    this.#view = createTrustSpaceView(this.#fixtures, { whitelistUpdatedAt: this.#fixturesDate });
  }
}
