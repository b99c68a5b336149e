import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { WhitelistEntry } from '../../domain/model.ts';
import { defaultData, directoryKit } from './testing/directory-kit.ts';
import { WHITELIST_NAMESPACE, whitelistChecksum, whitelistXml } from './whitelist-xml.ts';

const entry = (domain: string, dn: string): WhitelistEntry => ({
  domain,
  description: 'Établissement « test » & co <b>',
  operatorId: 'op',
  certificateDn: dn,
  responsibleContact: 'Responsable – 01 99 00 00 00',
  supportContact: "Support d'exemple",
  updatedAt: '2025-03-13T14:54:10.123Z',
});

test('the real structure: namespace, DateDeGeneration, one Domaine per certificate with its six children', () => {
  const xml = whitelistXml([entry('a.mssante.fr', 'CN=smtp-1.op.test,OU=1,O=Op,ST=Paris (75),C=FR'), entry('a.mssante.fr', 'CN=smtp-2.op.test,OU=1,O=Op,ST=Paris (75),C=FR')], new Date('2025-03-13T14:54:10.999Z'));
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'Domaine' }).parse(xml);
  const root = parsed.ListeBlancheMSSante;
  assert.equal(root['@_xmlns'], WHITELIST_NAMESPACE);
  assert.equal(root.DateDeGeneration, '2025-03-13T14:54:10Z');
  assert.equal(root.ListeDomaines.Domaine.length, 2);
  const first = root.ListeDomaines.Domaine[0];
  assert.deepEqual(Object.keys(first), ['Nom', 'Description', 'DNCertificatOperateur', 'ResponsableContact', 'SupportContact', 'DateMAJ']);
  assert.equal(first.Nom, 'a.mssante.fr');
  assert.equal(first.DNCertificatOperateur, 'CN=smtp-1.op.test,OU=1,O=Op,ST=Paris (75),C=FR');
  assert.equal(first.DateMAJ, '2025-03-13T14:54:10Z');
});

test('text is XML-escaped, and characters XML cannot carry are dropped', () => {
  const hostile = { ...entry('b.mssante.fr', 'CN=x,OU=1,O=A&B <Op>,ST=Paris (75),C=FR'), supportContact: 'bip\u0007 </SupportContact><Nom>pirate</Nom>' };
  const xml = whitelistXml([hostile], new Date('2025-01-01T00:00:00Z'));
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(xml, /<Description>Établissement « test » &amp; co &lt;b&gt;<\/Description>/);
  const parsed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml);
  assert.equal(parsed.ListeBlancheMSSante.ListeDomaines.Domaine.Nom, 'b.mssante.fr');
  assert.equal(parsed.ListeBlancheMSSante.ListeDomaines.Domaine.SupportContact, 'bip </SupportContact><Nom>pirate</Nom>');
});

test('served with its SHA-256 checksum (sha256sum format), under both names, and stable for a view', async () => {
  const kit = directoryKit(await defaultData());
  const xml = await (await kit.raw('/listeblanchemssante.xml')).text();
  kit.clock = new Date('2026-01-01T00:00:00Z'); // same view: the file generated at the first request stays
  const checksum = await (await kit.raw('/listeblanchemssante.xml.sha256')).text();
  assert.equal(checksum, `${createHash('sha256').update(xml).digest('hex')}  listeblanchemssante.xml\n`);
  assert.equal(await (await kit.raw('/checksum')).text(), checksum);
  assert.equal(whitelistChecksum(xml), checksum);
  const response = await kit.raw('/listeblanchemssante.xml');
  assert.equal(response.headers.get('content-type'), 'application/xml; charset=utf-8');
  assert.equal(await response.text(), xml);
  const parsed = new XMLParser({ isArray: (name) => name === 'Domaine' }).parse(xml);
  assert.equal(parsed.ListeBlancheMSSante.DateDeGeneration, '2025-03-13T14:00:00Z');
  assert.equal(parsed.ListeBlancheMSSante.ListeDomaines.Domaine.length, 12, '6 whitelisted domains × 2 server certificates');
});
