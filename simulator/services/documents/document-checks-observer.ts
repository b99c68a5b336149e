// Runs the document checks on every message the trust space accepts, whoever sent it: after
// the SMTP reply (deferred work, awaited by `settled()`), a `document-archive-checked`
// observation with the report for each message that carries an archive or document headers.
import type { ObservationSource } from '../../observation/observation-bus.ts';
import type { ObservationSink } from '../../observation/observation-sink.ts';
import { readDocumentMessage } from './read-document-message.ts';

export interface DocumentChecksDeps {
  readonly source: ObservationSource;
  readonly sink: ObservationSink;
  readonly defer: (work: () => Promise<void>) => void;
}

export function observeDocumentMessages(deps: DocumentChecksDeps): () => void {
  return deps.source.on('message-accepted', ({ transmission }) => {
    deps.defer(async () => {
      const { index } = transmission;
      const report = await readDocumentMessage(transmission.raw, index);
      if (!report) return;
      const { subject } = index;
      deps.sink.publish({ type: 'document-archive-checked', transmissionId: transmission.id, sender: transmission.envelope.mailFrom, ...(subject !== undefined ? { subject } : {}), report });
    });
  });
}
