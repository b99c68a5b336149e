import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Organisation } from '../../domain/model.ts';
import { createClientCertificateStore, fileStem } from './client-certificates.ts';
import { generateCa } from './generate-certificates.ts';

const DPI = { address: 'DPI@ch-valbrume.mssante.fr' };
const HOSPITAL: Organisation = {
  id: 'ch-valbrume',
  kind: 'hospital',
  name: 'Centre hospitalier de Valbrume',
  finess: '499900033',
  activitySector: 'SA01',
  address: { line: '1 avenue de l’Hôpital', postalCode: '49990', city: 'Valbrume' },
};

test('issues an ORG AUTH_CLI-like certificate for the mailbox, writes it, then reuses it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mss-client-cert-'));
  try {
    const now = new Date();
    const ca = await generateCa(now);
    const store = createClientCertificateStore({ dir, ca, now: () => now });
    const first = await store.get(DPI, HOSPITAL);
    assert.equal(first.issued, true);
    assert.equal(first.mailbox, 'dpi@ch-valbrume.mssante.fr');
    assert.equal(first.certPath, join(dir, 'clients', 'dpi@ch-valbrume.mssante.fr.crt.pem'));
    const cert = new X509Certificate(first.certPem);
    assert.equal(cert.subject, 'C=FR\nO=Centre hospitalier de Valbrume\nOU=499900033\nCN=dpi@ch-valbrume.mssante.fr');
    assert.equal(cert.subjectAltName, 'email:dpi@ch-valbrume.mssante.fr');
    assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.2']);
    assert.equal(cert.ca, false);
    assert.equal(cert.checkIssued(new X509Certificate(ca.certPem)), true);
    assert.equal(await readFile(first.keyPath, 'utf8'), first.keyPem);
    assert.equal((await stat(first.keyPath)).mode & 0o777, 0o600);
    const again = await store.get(DPI, HOSPITAL);
    assert.deepEqual([again.issued, again.certPem], [false, first.certPem]);
    const otherCa = createClientCertificateStore({ dir, ca: await generateCa(now), now: () => now });
    const reissued = await otherCa.get(DPI);
    assert.equal(reissued.issued, true);
    assert.equal(new X509Certificate(reissued.certPem).subject, 'C=FR\nO=Simulateur MSSanté\nCN=dpi@ch-valbrume.mssante.fr');
    const late = createClientCertificateStore({ dir, ca, now: () => new Date(now.getTime() + 725 * 24 * 3600 * 1000) });
    assert.equal((await late.get(DPI)).issued, true, 'reissued when expiring within 7 days or issued by another CA');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('file names keep ordinary address characters only', () => {
  assert.equal(fileStem('DPI+labo@ch-valbrume.mssante.fr'), 'dpi+labo@ch-valbrume.mssante.fr');
  assert.equal(fileStem('../x/y@a.fr'), '.._x_y@a.fr');
});
