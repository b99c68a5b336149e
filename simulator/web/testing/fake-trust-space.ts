// A RunningTrustSpace for the control-API tests: the real store, journal, transmission log and token
// issuer over a small synthetic data set, with a scripted Mon espace santé that records calls.
import type { ServerTlsSetting } from '../../trust-space/server-tls-switch.ts';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { withInsKey } from '../../domain/ins-number.ts';
import type { PatientProfileState, TrustSpaceData } from '../../domain/model.ts';
import type { Journal } from '../../observation/journal.ts';
import { createObservations } from '../../observation/create-observations.ts';
import { MessageStore } from '../../services/store/message-store.ts';
import type { MonEspaceSante, PatientActionResult } from '../../services/mon-espace-sante/mon-espace-sante.ts';
import { TransmissionLog } from '../../services/routing/transmission-log.ts';
import { createMailboxAuthenticator } from '../../services/auth/create-mailbox-authenticator.ts';
import { createPsc } from '../../services/auth/psc/create-psc.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { DirectoryFaults } from '../../services/directory/directory-faults.ts';
import { applyChange, type TrustSpaceChange } from '../../services/directory/trust-space-change.ts';
import { FlowRecorder } from '../../observation/live-flow/flow-recorder.ts';
import { OperatorConsole } from '../../services/operator-console/operator-console.ts';

export const LOUISE_INS = withInsKey('2850375123456');
export const PHARMACY_MAILBOX = 'pharmacie.duparc@pharmacien.mssante.fr';
export const FAKE_CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBfakeTestCa\n-----END CERTIFICATE-----\n';
export const FIXED_NOW = new Date('2025-03-13T14:00:00Z');

const DATA: TrustSpaceData = {
  operators: [
    { id: 'cnam', name: 'CNAM', responsibleContact: 'r', supportContact: 's', servers: [{ host: 'smtps1.ens.simulateur.test', certificateDn: 'CN=smtps1.ens.simulateur.test,O=CNAM,C=FR' }], domains: [{ name: 'patient.mssante.fr', description: 'Usagers', whitelisted: true }] },
    { id: 'ans', name: 'ANS', responsibleContact: 'r', supportContact: 's', servers: [{ host: 'smtp.ans.test', certificateDn: 'CN=smtp.ans.test,O=ANS,C=FR' }], domains: [{ name: 'pharmacien.mssante.fr', description: 'Pharmaciens', whitelisted: true }, { name: 'sortant.mssante.fr', description: 'Hors liste', whitelisted: false }] },
  ],
  practitioners: [],
  organisations: [{ id: 'pharmacie-du-parc', kind: 'pharmacy', name: 'Pharmacie du Parc', activitySector: 'SA33', address: { line: '1 rue du Parc', postalCode: '95000', city: 'Exempleville' } }],
  mailboxes: [{ address: PHARMACY_MAILBOX, type: 'ORG', owner: { kind: 'organisation', organisationId: 'pharmacie-du-parc' }, displayName: 'Pharmacie du Parc', description: 'Officine', redListed: false, password: 'test-parc' }],
  patients: [{ ins: LOUISE_INS, oid: '1.2.250.1.213.1.4.10', identity: { birthName: 'EXEMPLE', firstName: 'Louise', birthDate: '1985-03-12', sex: 'F', qualified: true }, profile: 'active', frequentedPharmacyIds: ['pharmacie-du-parc'] }],
  personas: [{ id: 'louise', kind: 'patient', name: 'Louise', role: 'patiente', ins: LOUISE_INS }],
};

export interface FakeMes extends MonEspaceSante {
  /** What the next reply/write answers. */
  next: PatientActionResult;
  readonly calls: { action: 'reply' | 'write'; input: Record<string, unknown> }[];
}

export interface FakeTrustSpace extends RunningTrustSpace {
  readonly mes: FakeMes;
  readonly store: MessageStore;
  readonly journal: Journal;
  readonly transmissions: TransmissionLog;
  readonly resets: number;
  /** What the lead adds to RunningTrustSpace for the directory routes. */
  change(change: TrustSpaceChange): void;
  readonly directoryFaults: DirectoryFaults;
}

export function fakeTrustSpace(): FakeTrustSpace {
  let data = DATA;
  let view = createTrustSpaceView(data);
  let resets = 0;
  let serverTls: ServerTlsSetting = { certificate: 'valid', protocols: 'referential' };
  const settings = { strictRecipients: false, passwordAuth: true, maxMessageBytes: 30 * 1024 * 1024 };
  const { bus, journal, reader: observations } = createObservations({ now: () => FIXED_NOW });
  const store = new MessageStore();
  const transmissions = new TransmissionLog((transmission) => bus.publish({ type: 'message-accepted', transmission }));
  const directoryFaults = new DirectoryFaults();
  const psc = createPsc({ view: () => view, issuer: 'http://127.0.0.1:3/psc/auth/realms/esante-wallet', now: () => FIXED_NOW });
  const flow = new FlowRecorder();
  flow.attach(bus);
  return {
    endpoints: {
      submission: { host: '127.0.0.1', port: 1, tls: 'starttls' },
      peer: { host: '127.0.0.1', port: 2, tls: 'none' },
      imap: { host: '127.0.0.1', port: 4, tls: 'starttls' },
      imaps: { host: '127.0.0.1', port: 5, tls: 'implicit' },
      http: { host: '127.0.0.1', port: 3, baseUrl: 'http://127.0.0.1:3' },
    },
    caCertPath: '/nonexistent/ca.crt.pem',
    caCertPem: FAKE_CA_PEM,
    fixturesDir: '/nonexistent/fixtures',
    settings,
    store,
    journal,
    transmissions,
    observations,
    mes: fakeMes(),
    flow,
    console: new OperatorConsole({ now: () => FIXED_NOW }),
    setScenario: (label) => flow.setScenario(label),
    psc,
    // Issuing needs the real test CA: the client-certificate routes have their own tests.
    clientCertificates: { get: () => Promise.reject(new Error('no client certificates in the fake trust space')) },
    authenticator: createMailboxAuthenticator({ view: () => view, psc, settings, clientCertificateCa: FAKE_CA_PEM, now: () => FIXED_NOW }),
    view: () => view,
    setPatientProfile(ins: string, state: PatientProfileState) {
      data = { ...data, patients: data.patients.map((p) => (p.ins === ins ? { ...p, profile: state } : p)) };
      view = createTrustSpaceView(data);
    },
    change(change: TrustSpaceChange) {
      data = applyChange(data, change);
      view = createTrustSpaceView(data);
    },
    directoryFaults,
    reset() {
      resets += 1;
      serverTls = { certificate: 'valid', protocols: 'referential' };
      directoryFaults.reset();
      store.clear();
      journal.clear();
      transmissions.clear();
      bus.publish({ type: 'trust-space-reset' });
    },
    get resets() {
      return resets;
    },
    settled: async () => {},
    get serverTls() {
      return serverTls;
    },
    setServerTls: async (setting) => {
      serverTls = { ...serverTls, ...setting };
    },
    stop: async () => {},
  };
}

function fakeMes(): FakeMes {
  const calls: FakeMes['calls'] = [];
  const mes: FakeMes = {
    next: { accepted: true, storeId: 'm-000042', deliveredTo: PHARMACY_MAILBOX, conversationId: 'c-1' },
    calls,
    reply: async (input) => {
      calls.push({ action: 'reply', input: { ...input } });
      return mes.next;
    },
    write: async (input) => {
      calls.push({ action: 'write', input: { ...input } });
      return mes.next;
    },
    conversations: (ins) => [{ id: 'c-1', patientIns: ins ?? LOUISE_INS, counterpart: PHARMACY_MAILBOX, state: 'open', entries: [{ storeId: 'm-000001', direction: 'to-patient', from: PHARMACY_MAILBOX, replyable: true, at: FIXED_NOW.toISOString() }] }],
    contactable: () => [PHARMACY_MAILBOX],
    refusals: () => [{ at: FIXED_NOW, ins: LOUISE_INS, action: 'write', target: 'dr.martin@medecin.mssante.fr', refusal: { code: 'nominative-mailbox-not-in-contact', message: 'Refusé.' } }],
    clear: () => {},
  };
  return mes;
}
