// msw handlers of the files the trust space publishes beside the FHIR API: the liste blanche
// and its checksum (REG-LB-01), the extraction ZIP (REG-ANN-08) and the autoconfig XML
// (SC.MSS/CONF.04). The liste blanche and the extraction are generated once per view, at the
// first request: the XML and its checksum always match, and a change through the control API
// (a new view) is in the next download.
import { http, type RequestHandler } from 'msw';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { AUTOCONFIG_PATHS, autoconfigDomain, autoconfigXml, type MailEndpoints } from './autoconfig-xml.ts';
import { EXTRACTION_PATH, extractionArchive, type ExtractionArchive } from './extraction-archive.ts';
import { WHITELIST_FILE, whitelistChecksum, whitelistXml } from './whitelist-xml.ts';

export interface PublicationDeps {
  readonly view: () => TrustSpaceView;
  readonly endpoints: () => MailEndpoints;
  readonly now: () => Date;
}

/** The ANS GitHub mirror names its checksum file `checksum` (REG-LB-01); `<file>.sha256` is the usual name. */
export const CHECKSUM_PATHS = [`/${WHITELIST_FILE}.sha256`, '/checksum'] as const;

export function publicationHandlers(deps: PublicationDeps): RequestHandler[] {
  const whitelists = new WeakMap<TrustSpaceView, string>();
  const extractions = new WeakMap<TrustSpaceView, ExtractionArchive>();
  const whitelist = () => cached(whitelists, deps.view(), (view) => whitelistXml(view.whitelist, deps.now()));
  return [
    http.get(`*/${WHITELIST_FILE}`, () => new Response(whitelist(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })),
    ...CHECKSUM_PATHS.map((path) => http.get(`*${path}`, () => new Response(whitelistChecksum(whitelist()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }))),
    http.get(`*${EXTRACTION_PATH}`, () => {
      const archive = cached(extractions, deps.view(), (view) => extractionArchive(view, deps.now()));
      const headers = { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${archive.archiveName}"` };
      return new Response(archive.zip, { headers });
    }),
    ...AUTOCONFIG_PATHS.map((path) =>
      http.get(`*${path}`, ({ request }) => {
        const url = new URL(request.url); // on the simulator's port, its host is the Host header (http-server.ts)
        const found = autoconfigDomain(deps.view(), url.searchParams.get('emailaddress'), url.host);
        if (!found) return new Response("Aucun domaine simulé ne correspond : donnez l'adresse de la boîte dans ?emailaddress=.\n", { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        return new Response(autoconfigXml(found.domain, found.operator, deps.endpoints()), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
      }),
    ),
  ];
}

function cached<V>(cache: WeakMap<TrustSpaceView, V>, view: TrustSpaceView, build: (view: TrustSpaceView) => V): V {
  let value = cache.get(view);
  if (value === undefined) cache.set(view, (value = build(view)));
  return value;
}
