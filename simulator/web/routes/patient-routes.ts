// Mon espace santé from the patient's side (REG-MES, REG-FIN): conversations, whom a patient
// may write to, refusals, profile state, and the patient's own actions. A refused action is
// the expected outcome of a forbidden one: 403 with the refusal, recorded by Mon espace santé.
import type { PatientProfileState } from '../../domain/model.ts';
import type { PatientActionResult } from '../../services/mon-espace-sante/mon-espace-sante.ts';
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import type { HttpResponse, Route } from '../route.ts';
import { insParam, patientOf, type ControlApiDeps } from './control-api-deps.ts';

interface ReplyBody {
  readonly messageId: string;
  readonly text: string;
  readonly subject?: string;
}

interface WriteBody {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export function patientRoutes(deps: ControlApiDeps): Route[] {
  const { space, validator } = deps;
  return [
    {
      method: 'GET',
      path: '/api/conversations',
      handler: (context) => {
        const patient = context.query.get('patient');
        return json(space.mes.conversations(patient ? insParam(patient) : undefined));
      },
    },
    { method: 'GET', path: '/api/patients/{ins}/contactable', handler: (context) => json(space.mes.contactable(patientOf(deps, context).ins)) },
    { method: 'GET', path: '/api/refusals', handler: () => json(space.mes.refusals()) },
    {
      method: 'PUT',
      path: '/api/patients/{ins}/profile',
      handler: (context) => {
        const { ins } = patientOf(deps, context);
        const { state } = validator.parseBody<{ state: PatientProfileState }>(context, 'patient-profile');
        space.setPatientProfile(ins, state);
        return json({ ins, profile: space.view().patient(ins)?.profile ?? state });
      },
    },
    {
      method: 'POST',
      path: '/api/patients/{ins}/replies',
      handler: async (context) => {
        const { ins } = patientOf(deps, context);
        const body = validator.parseBody<ReplyBody>(context, 'patient-reply');
        return actionResponse(await space.mes.reply({ ins, messageId: body.messageId, text: body.text, ...(body.subject !== undefined && { subject: body.subject }) }));
      },
    },
    {
      method: 'POST',
      path: '/api/patients/{ins}/messages',
      handler: async (context) => {
        const { ins } = patientOf(deps, context);
        const body = validator.parseBody<WriteBody>(context, 'patient-message');
        return actionResponse(await space.mes.write({ ins, to: body.to, subject: body.subject, text: body.text }));
      },
    },
  ];
}

/** The answer to a patient action: 201 with where it went, or 403 with Mon espace santé's refusal (REG-MES-04). */
export function actionResponse(result: PatientActionResult): HttpResponse {
  if (!result.accepted) throw apiErrors.patientRefusal(result.refusal);
  return json({ storeId: result.storeId, deliveredTo: result.deliveredTo, conversationId: result.conversationId }, 201);
}
