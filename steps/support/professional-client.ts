// The professional mail client of @simulateur scenarios: real SMTP submission with STARTTLS and
// AUTH, as any client would do (SC.MSS/CONF.05). It is not the reference driver of the
// conformance suite; it only lets scenarios exercise the simulator itself.
export { submitAs, type OutgoingMail, type SubmissionResult } from '../../simulator/public-api.ts';
