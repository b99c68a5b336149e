// GET /api/messages/{id}/html: a message's HTML part (or its text part, escaped, in <pre>) as a
// document the web UI shows in an <iframe sandbox> (safety). Messages are hostile
// input: the response's own Content-Security-Policy sandboxes it (no script, no form, no
// plugin, opaque origin), forbids every fetch but inline styles and data: images, and
// automatic navigation (<meta http-equiv="refresh">) is removed so that nothing remote loads.
import type { ParsedMessage } from '../../protocols/mime/message-reader.ts';
import type { MessageStore } from '../../services/store/message-store.ts';
import { apiErrors } from '../api-errors.ts';
import { text } from '../http-response.ts';
import type { Route } from '../route.ts';
import { pathParam } from './control-api-deps.ts';

export const MESSAGE_HTML_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

const META_REFRESH = /<meta\b[^>]*\bhttp-equiv\s*=\s*(?:"\s*refresh\s*"|'\s*refresh\s*'|refresh\b)[^>]*>/gi;

export interface MessageHtmlDeps {
  readonly store: MessageStore;
  readonly parseMessage: (raw: Buffer) => Promise<ParsedMessage>;
}

export function messageHtmlRoutes(deps: MessageHtmlDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/messages/{id}/html',
      handler: async (context) => {
        const id = pathParam(context, 'id');
        const message = deps.store.get(id);
        if (!message) throw apiErrors.unknownMessage(id);
        const parsed = await deps.parseMessage(message.raw);
        return text(messageDocument(parsed), 'text/html; charset=utf-8', {
          'Content-Security-Policy': MESSAGE_HTML_CSP,
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Resource-Policy': 'same-origin',
        });
      },
    },
  ];
}

/** The document served: the HTML part without automatic refresh, else the text part escaped. */
export function messageDocument(parsed: Pick<ParsedMessage, 'html' | 'text'>): string {
  if (parsed.html !== undefined && parsed.html.trim() !== '') return parsed.html.replace(META_REFRESH, '');
  const body = parsed.text !== undefined && parsed.text !== '' ? `<pre>${escapeHtml(parsed.text)}</pre>` : "<p><em>Ce message n'a ni partie HTML ni partie texte.</em></p>";
  return `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Message</title><style>pre{white-space:pre-wrap;font:inherit;margin:0}</style></head><body>${body}</body></html>\n`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
