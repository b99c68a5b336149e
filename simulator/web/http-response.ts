// Small constructors for handler responses (route.ts), so handlers read as what they answer.
import type { HttpResponse } from './route.ts';

export function json(body: unknown, status = 200, headers?: Record<string, string>): HttpResponse {
  return headers ? { status, json: body, headers } : { status, json: body };
}

export function noContent(): HttpResponse {
  return { status: 204 };
}

export function text(body: string, contentType = 'text/plain; charset=utf-8', headers?: Record<string, string>): HttpResponse {
  return headers ? { status: 200, text: body, contentType, headers } : { status: 200, text: body, contentType };
}

export function bytes(body: Buffer, contentType: string, headers?: Record<string, string>): HttpResponse {
  return headers ? { status: 200, bytes: body, contentType, headers } : { status: 200, bytes: body, contentType };
}
