import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { defaultData, directoryKit } from './testing/directory-kit.ts';

const kit = directoryKit(await defaultData());
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'authentication' });

test('autoconfig for a simulated domain: IMAP and SMTP submission, STARTTLS, OAuth2 then password (SC.MSS/CONF.04)', async () => {
  const response = await kit.raw('/mail/config-v1.1.xml?emailaddress=paul.martin%40ch-valbrume.mssante.fr');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/xml; charset=utf-8');
  const xml = await response.text();
  assert.equal(XMLValidator.validate(xml), true);
  const provider = parser.parse(xml).clientConfig.emailProvider;
  assert.equal(provider['@_id'], 'ch-valbrume.mssante.fr');
  assert.equal(provider.domain, 'ch-valbrume.mssante.fr');
  assert.equal(provider.displayName, 'GCS e-Santé Valbrume (fictif)');
  assert.deepEqual(provider.incomingServer, { '@_type': 'imap', hostname: '127.0.0.1', port: 1143, socketType: 'STARTTLS', authentication: ['OAuth2', 'password-cleartext'], username: '%EMAILADDRESS%' });
  assert.deepEqual(provider.outgoingServer, { '@_type': 'smtp', hostname: '127.0.0.1', port: 1587, socketType: 'STARTTLS', authentication: ['OAuth2', 'password-cleartext'], username: '%EMAILADDRESS%' });
});

test('the .well-known path, the Host autoconfig.<domain>, and no IMAP while none runs', async () => {
  const wellKnown = await kit.raw('/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=x%40Medecin.MSSante.fr');
  assert.equal(parser.parse(await wellKnown.text()).clientConfig.emailProvider.domain, 'medecin.mssante.fr');
  const byHost = await kit.service.fallback(new Request('http://autoconfig.pharmacien.mssante.fr/mail/config-v1.1.xml'));
  assert.equal(parser.parse((await byHost?.text()) ?? '').clientConfig.emailProvider.domain, 'pharmacien.mssante.fr');
  const { createDirectoryService } = await import('./create-directory-service.ts');
  const { createTrustSpaceView } = await import('../../domain/create-trust-space-view.ts');
  const view = createTrustSpaceView(await defaultData());
  const noImap = createDirectoryService({ view: () => view, endpoints: () => ({ smtp: { host: 'localhost', port: 25 } }) });
  const provider = parser.parse((await (await noImap.fallback(new Request('http://x/mail/config-v1.1.xml?emailaddress=a@medecin.mssante.fr')))?.text()) ?? '').clientConfig.emailProvider;
  assert.equal(provider.incomingServer, undefined);
  assert.equal(provider.outgoingServer.port, 25);
});

test('unknown domain, patient domain, no address → 404 with a French hint', async () => {
  for (const query of ['?emailaddress=a%40gmail.com', '?emailaddress=284034912304586%40patient.mssante.fr', '']) {
    const response = await kit.raw(`/mail/config-v1.1.xml${query}`);
    assert.equal(response.status, 404, query);
    assert.equal(await response.text(), "Aucun domaine simulé ne correspond : donnez l'adresse de la boîte dans ?emailaddress=.\n");
  }
});
