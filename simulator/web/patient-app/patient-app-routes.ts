// HTTP routes of the simulated Mon espace santé app (the patient's side, in the web UI): her
// screen and conversations, one message as text with its documents, her profile's documents,
// the pharmacy search through the Annuaire Santé, and her two actions — reply, write — which go
// through the same Mon espace santé service as the control API: a forbidden action is refused
// with the same code and French reason (403, REG-MES-04).
import { apiErrors } from '../api-errors.ts';
import { bytes, json } from '../http-response.ts';
import { RequestValidator } from '../request-validator.ts';
import type { RequestContext, Route } from '../route.ts';
import { actionResponse } from '../routes/patient-routes.ts';
import { insParam, pathParam } from '../routes/control-api-deps.ts';
import { documentFile, patientDocument } from '../../services/patient-documents/document-file.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { attachmentResponse, readableMessage, withDocuments } from './readable-message.ts';
import { patientAppView } from './patient-app-view.ts';
import { searchPharmacies } from './pharmacy-search.ts';


interface WriteBody {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly documentIds?: readonly string[];
}

export function patientAppRoutes(space: RunningTrustSpace, validator = new RequestValidator()): Route[] {
  const insOf = (context: RequestContext) => insParam(pathParam(context, 'ins'));
  /** A message of one of the patient's conversations, else 404: the app shows nothing else. */
  const ownMessage = (context: RequestContext) => {
    const ins = insOf(context);
    const id = pathParam(context, 'storeId');
    const belongs = space.mes.conversations(ins).some((conversation) => conversation.entries.some((entry) => entry.storeId === id));
    const stored = belongs ? space.store.get(id) : undefined;
    if (!stored) throw apiErrors.unknownMessage(id);
    return stored;
  };
  return [
    { method: 'GET', path: '/api/patient-app/{ins}', handler: async (context) => json(await withDocuments(patientAppView(insOf(context), space.view(), space.mes), space.store)) },
    {
      method: 'GET',
      path: '/api/patient-app/{ins}/messages/{storeId}',
      handler: async (context) => json(await readableMessage(ownMessage(context))),
    },
    {
      method: 'GET',
      path: '/api/patient-app/{ins}/messages/{storeId}/attachments/{index}',
      handler: async (context) => attachmentResponse(ownMessage(context), pathParam(context, 'index')),
    },
    {
      method: 'GET',
      path: '/api/patient-app/{ins}/documents/{documentId}',
      handler: (context) => {
        const ins = insOf(context);
        const id = pathParam(context, 'documentId');
        const patient = space.view().patient(ins);
        const document = patient ? patientDocument(patient, id) : undefined;
        if (!document) throw apiErrors.unknownDocument(id);
        const file = documentFile(document);
        return bytes(file.content, file.contentType, { 'Content-Disposition': `attachment; filename="${file.filename}"`, 'X-Content-Type-Options': 'nosniff' });
      },
    },
    {
      method: 'GET',
      path: '/api/patient-app/{ins}/pharmacies',
      handler: async (context) => {
        const ins = insOf(context);
        const query = (context.query.get('q') ?? '').trim();
        if (query.length < 2) return json([]);
        return json(await searchPharmacies(space, space.view().patient(ins), query));
      },
    },
    {
      method: 'POST',
      path: '/api/patient-app/{ins}/replies',
      handler: async (context) => {
        const ins = insOf(context);
        const body = validator.parseBody<{ messageId: string; text: string }>(context, 'patient-app-reply');
        return actionResponse(await space.mes.reply({ ins, messageId: body.messageId, text: body.text }));
      },
    },
    {
      method: 'POST',
      path: '/api/patient-app/{ins}/messages',
      handler: async (context) => {
        const ins = insOf(context);
        const body = validator.parseBody<WriteBody>(context, 'patient-app-message');
        const patient = space.view().patient(ins);
        const attachments = (body.documentIds ?? []).map((id) => {
          const document = patient ? patientDocument(patient, id) : undefined;
          if (!document) throw apiErrors.unknownDocument(id);
          return documentFile(document);
        });
        return actionResponse(await space.mes.write({ ins, to: body.to, subject: body.subject, text: body.text, ...(attachments.length > 0 ? { attachments } : {}) }));
      },
    },
  ];
}
