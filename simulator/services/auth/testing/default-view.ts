// The default fixtures as a TrustSpaceView, for the tests of the entitlement matrix and of the
// authenticator (the brief asks for the matrix over the default fixtures), plus a fixed clock
// and a PSC built once per test process (an RSA key takes some time to generate).
import { createTrustSpaceView } from '../../../domain/create-trust-space-view.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../../fixture-loading/load-fixtures.ts';
import { processSigningKey, type SigningKey } from '../psc/signing-key.ts';

/** Personas and mailboxes of the default fixtures used by the tests. */
export const FIXTURE = {
  camille: { idNat: '899900100019', per: 'camille.dupre@pharmacien.mssante.fr', org: 'pharmacie.duparc@pharmacien.mssante.fr' },
  antoine: { idNat: '899900100027', org: 'pharmacie.tilleuls@pharmacien.mssante.fr' },
  martin: { idNat: '899900100035', per: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' },
  rousseau: { idNat: '899900100043', per: 'helene.rousseau@medecin.mssante.fr', cab: 'cabinet.acacias@medecin.mssante.fr' },
  julien: { idNat: '0496090012', per: 'julien.moreau@infirmier.mssante.fr' },
  nadia: { idNat: '899900100050' },
  secretariat: 'secretariat.cardiologie@ch-valbrume.mssante.fr',
  cpts: 'coordination@cpts-pays-valbrume.mssante.fr',
  dpi: { address: 'dpi@ch-valbrume.mssante.fr', password: 'test-dpi-ch-valbrume' },
  laboratoire: 'laboratoire@ouest-esante-sim.mssante.fr',
} as const;

let view: Promise<TrustSpaceView> | undefined;

export function defaultView(): Promise<TrustSpaceView> {
  view ??= loadFixtures(DEFAULT_FIXTURES_DIR).then((loaded) => {
    if (!loaded.ok) throw new Error(`default fixtures invalid: ${JSON.stringify(loaded.problems)}`);
    return createTrustSpaceView(loaded.data);
  });
  return view;
}

export function testSigningKey(): SigningKey {
  return processSigningKey();
}

export function testClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let current = start;
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

export const ISSUER = 'http://127.0.0.1:8080/psc/auth/realms/esante-wallet';
