// The two screens of the side by side page: the webmail of one mailbox and the app of one
// patient, each switched to another mailbox or patient when a demonstration step asks for it.
import { PatientApp } from '../patient/patient-app.ts';
import { WebmailApp } from '../webmail/webmail-app.ts';

export class SideBySideApps {
  #webmail: WebmailApp;
  #patient: PatientApp;
  #mailbox: string;
  #ins: string;
  /** The loads the last switch started: a step waits for them. */
  #switching: Promise<unknown> = Promise.resolve();

  constructor(readonly webmailRoot: HTMLElement, readonly appRoot: HTMLElement, mailbox: string, ins: string) {
    this.#mailbox = mailbox;
    this.#ins = ins;
    this.#webmail = new WebmailApp(webmailRoot, mailbox);
    this.#patient = new PatientApp(appRoot, ins);
  }

  get mailbox(): string {
    return this.#mailbox;
  }

  get ins(): string {
    return this.#ins;
  }

  load(): Promise<void> {
    return Promise.all([this.#webmail.load(), this.#patient.load()]).then(() => undefined);
  }

  refresh(): void {
    this.#webmail.refresh();
    this.#patient.refresh();
  }

  /** Shows this mailbox's webmail and this patient's app, reloading only what changed; resolves once both are drawn. */
  async show(mailbox: string, ins: string): Promise<void> {
    const loads: Promise<void>[] = [];
    if (mailbox !== this.#mailbox) {
      this.#mailbox = mailbox;
      this.#webmail = new WebmailApp(this.webmailRoot, mailbox);
      loads.push(this.#webmail.load());
    }
    if (ins !== this.#ins) {
      this.#ins = ins;
      this.#patient = new PatientApp(this.appRoot, ins);
      loads.push(this.#patient.load());
    }
    if (loads.length > 0) this.#switching = Promise.all(loads);
    await this.#switching;
  }
}
