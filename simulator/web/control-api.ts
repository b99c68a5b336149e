// The control API of a running trust space (JSON over HTTP, under /api): what the harness, the
// web UI, trainers and vendors use to observe and steer the simulator. Routes are grouped by
// concept in ./routes; bodies are validated against ./schemas; ./openapi.json describes it all.
import { parseMessage, type ParsedMessage } from '../protocols/mime/message-reader.ts';
import type { RunningTrustSpace } from '../trust-space/trust-space.ts';
import { loadOpenApiDocument, type OpenApiDocument } from './openapi-document.ts';
import { RequestValidator } from './request-validator.ts';
import type { Route } from './route.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import type { ControlApiDeps } from './routes/control-api-deps.ts';
import { clientCertificateRoutes } from './routes/client-certificate-routes.ts';
import { directoryRoutes } from './routes/directory-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { documentArchiveRoutes } from './routes/document-archive-routes.ts';
import { journalRoutes } from './routes/journal-routes.ts';
import { mailboxRoutes } from './routes/mailbox-routes.ts';
import { messageRoutes } from './routes/message-routes.ts';
import { patientRoutes } from './routes/patient-routes.ts';
import { pscSessionRoutes } from './routes/psc-session-routes.ts';
import { serverTlsRoutes } from './routes/server-tls-routes.ts';
import { tokenRoutes } from './routes/token-routes.ts';
import { transmissionRoutes } from './routes/transmission-routes.ts';
import { trustSpaceRoutes } from './routes/trust-space-routes.ts';

export interface ControlApiOptions {
  /** Clock for token lifetimes; default the system clock. */
  readonly now?: () => Date;
  /** Default: the schemas of ./schemas. */
  readonly validator?: RequestValidator;
  readonly parseMessage?: (raw: Buffer) => Promise<ParsedMessage>;
}

export function controlApiRoutes(space: RunningTrustSpace, options: ControlApiOptions = {}): Route[] {
  const validator = options.validator ?? new RequestValidator();
  const deps: ControlApiDeps = {
    space,
    validator,
    now: options.now ?? (() => new Date()),
    parseMessage: options.parseMessage ?? ((raw) => parseMessage(raw)),
  };
  let document: OpenApiDocument | undefined;
  const openApi = () => (document ??= loadOpenApiDocument(validator.schemas()));
  return [
    ...adminRoutes(deps),
    ...serverTlsRoutes(deps),
    ...trustSpaceRoutes(deps),
    ...directoryRoutes(deps),
    ...pscSessionRoutes({ psc: space.psc, authenticator: space.authenticator }),
    ...clientCertificateRoutes({ view: space.view, clientCertificates: space.clientCertificates, caCertPem: space.caCertPem }),
    ...mailboxRoutes(deps),
    ...messageRoutes(deps),
    ...transmissionRoutes(deps),
    ...documentArchiveRoutes(deps),
    ...patientRoutes(deps),
    ...journalRoutes(deps),
    ...tokenRoutes(deps),
    ...documentRoutes(deps, openApi),
  ];
}
