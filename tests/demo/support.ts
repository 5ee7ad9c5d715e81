/** Talking to the demo server with a chosen Host header (fetch cannot set Host). */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { DemoServer } from '../../demo/server';

export const DOSSIERS = 'dossiers.localhost';
export const ENTREPRISES = 'entreprises.localhost';
export const MESSAGERIE = 'messagerie.localhost';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export function call(
  demo: DemoServer,
  host: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: demo.port, path, method: init.method ?? 'GET', headers: { host: `${host}:${demo.port}`, ...init.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** Parses HTML as a browser would, at the given URL. */
export function parse(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

export function fixture(relative: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/legacy/${relative}`, import.meta.url)), 'utf8');
}

/** Visible text with whitespace runs (including non-breaking spaces) folded to one space. */
export function normalisedText(document: Document): string {
  return (document.body.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Builds a multipart/form-data body by hand, as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  files: { field: string; fileName: string; contentType: string; bytes: Buffer }[],
): { body: Buffer; contentType: string } {
  const boundary = '----ProfilenceDemoBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\nContent-Type: ${f.contentType}\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
