// The ports of the simulator when a person drives the client (manual driver): those of
// `npm start` by default, so that the software is configured once; or five consecutive ports from
// a base (`conformite --ports-depart N`, MSS_PORTS_DEPART), when the defaults are taken or
// another simulator runs beside. Pure: a text in, ports or a French problem out.
import { START_DEFAULTS } from '../../simulator/tooling-api.ts';

export interface ManualPorts {
  readonly submissionPort: number;
  readonly peerPort: number;
  readonly imapPort: number;
  readonly imapsPort: number;
  readonly httpPort: number;
}

/** Offsets from the base: submission, peer SMTP, IMAP STARTTLS, IMAPS, HTTP. */
const COUNT = 5;

export type BasePortResult = { readonly ok: true; readonly ports: ManualPorts } | { readonly ok: false; readonly problem: string };

export function manualPorts(basePort: string | undefined): BasePortResult {
  if (basePort === undefined) {
    const { submissionPort, peerPort, imapPort, imapsPort, httpPort } = START_DEFAULTS;
    return { ok: true, ports: { submissionPort, peerPort, imapPort, imapsPort, httpPort } };
  }
  const base = Number(basePort.trim());
  if (!/^\d+$/.test(basePort.trim()) || base < 1024 || base > 65536 - COUNT) {
    return { ok: false, problem: `--ports-depart « ${basePort} » invalide : donnez un numéro de port entre 1024 et ${65536 - COUNT} ; le banc prend ce port et les ${COUNT - 1} suivants (soumission SMTP, SMTP entre opérateurs, IMAP STARTTLS, IMAPS, HTTP).` };
  }
  return { ok: true, ports: { submissionPort: base, peerPort: base + 1, imapPort: base + 2, imapsPort: base + 3, httpPort: base + 4 } };
}
