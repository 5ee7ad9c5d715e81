import type { z } from 'zod';

/** A zod error as one French sentence, each distinct message once, prefixed by the section it concerns. */
export function describeIssues(error: z.ZodError, sections: Readonly<Record<string, string>> = {}): string {
  const messages = error.issues.map((issue) => {
    const section = sections[String(issue.path[0] ?? '')];
    return section ? `${section} : ${issue.message}` : issue.message;
  });
  return [...new Set(messages)].join(' ; ');
}

/** Input the store refuses to keep; the message is meant for the counsellor. */
export class InvalidRecord extends Error {
  readonly code = 'invalid' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRecord';
  }
}
