import { describe, expect, it } from 'vitest';
import { promotionReference } from '@/lib/domain/promotion';
import { awaitsRecording, promotionsReferredTo, recordedFromMessage, replyOutcomesAllowed, replyPerson, replyRecordingProblem, type ReplyTarget } from '@/lib/domain/reply';
import { findReferences, findReferencesIn } from '@/lib/domain/reply-references';

describe('references in an e-mail', () => {
  it('finds the reference of a subject as the webmail keeps it through RE: and TR:', () => {
    expect(findReferences('TR: RE: Proposition de candidature – Secrétaire – réf. PRF-7K2M9Q')).toEqual(['PRF-7K2M9Q']);
  });

  it('finds several, once each, in order — a shortlist names one per profile', () => {
    expect(findReferences('réf. PRF-6QW1RT, PRF-9JD4LM\n> Objet : … PRF-6QW1RT')).toEqual(['PRF-6QW1RT', 'PRF-9JD4LM']);
  });

  it('reads a reference typed in lower case or whose hyphen a forward broke', () => {
    expect(findReferences('votre réf prf-ab12cd et PRF 0Z9Y8X et PRF‑QQQQQQ')).toEqual(['PRF-AB12CD', 'PRF-0Z9Y8X', 'PRF-QQQQQQ']);
  });

  it('takes nothing glued to other letters or digits, nor too short', () => {
    expect(findReferences('XPRF-ABCDEF PRF-ABCDEFG PRF-2026 SPRF-123456 PRF-ABC12')).toEqual([]);
  });

  it('reads the subject before the body', () => {
    expect(findReferencesIn(['RE: Votre candidat', 'De : …\nObjet : Proposition – réf. PRF-2B7NWD'])).toEqual(['PRF-2B7NWD']);
  });
});

const ID_A = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ID_B = '0193a1b2-c3d4-7e5f-8a9b-ffeeddccbbaa';

const sentPromotion = (id: string, events: ReplyTarget['events'] = [{ type: 'sent', at: '2026-11-10T09:40:00+01:00' }]) => ({
  id,
  reference: promotionReference(id),
  status: 'sent' as ReplyTarget['status'],
  events,
});

describe('a reply and the promotions it answers', () => {
  const a = sentPromotion(ID_A);
  const b = sentPromotion(ID_B);

  it('finds the promotions whose reference the message carries, in the message order, unknown ones skipped', () => {
    expect(promotionsReferredTo([b.reference, 'PRF-ZZZZZZ', a.reference], [a, b]).map((p) => p.id)).toEqual([ID_B, ID_A]);
    expect(promotionsReferredTo([], [a, b])).toEqual([]);
  });

  it('waits to be recorded until an employer outcome is dated at or after the message', () => {
    const at = '2026-11-20T10:15:00+01:00';
    expect(awaitsRecording(a, at)).toBe(true);
    // Recorded from this message (the same instant, written in UTC).
    const recorded = { ...a, status: 'interview' as const, events: [...a.events, { type: 'interview' as const, at: '2026-11-20T09:15:00Z' }] };
    expect(recordedFromMessage(recorded.events, at)?.type).toBe('interview');
    expect(awaitsRecording(recorded, at)).toBe(false);
    // An answer noted before the message does not cover it; a relance at that instant is no answer.
    const earlier = { ...a, status: 'replied' as const, events: [...a.events, { type: 'employer_replied' as const, at: '2026-11-18T10:00:00+01:00' }] };
    expect(awaitsRecording(earlier, at)).toBe(true);
    const chased = { ...a, events: [...a.events, { type: 'followed_up' as const, at }] };
    expect(recordedFromMessage(chased.events, at)).toBeUndefined();
    expect(awaitsRecording(chased, at)).toBe(true);
  });

  it('no longer waits once the promotion is closed, but a reply reopens « Sans réponse »', () => {
    expect(awaitsRecording({ ...a, status: 'hired' }, '2026-11-20T10:15:00+01:00')).toBe(false);
    expect(awaitsRecording({ ...a, status: 'no_response' }, '2026-11-20T10:15:00+01:00')).toBe(true);
  });

  it('offers the employer outcomes the status allows', () => {
    expect(replyOutcomesAllowed('sent')).toEqual(['employer_replied', 'interview', 'hired', 'profile_kept', 'declined']);
    expect(replyOutcomesAllowed('interview')).toEqual(['hired', 'profile_kept', 'declined']);
    expect(replyOutcomesAllowed('declined')).toEqual([]);
  });

  it('says in French why an outcome cannot be recorded from a message', () => {
    const at = '2026-11-20T10:15:00+01:00';
    expect(replyRecordingProblem(a, [a.reference], 'interview', at)).toBeUndefined();
    expect(replyRecordingProblem(a, [b.reference], 'interview', at)).toMatch(/ne cite pas la référence/);
    const recorded = { ...a, status: 'replied' as const, events: [...a.events, { type: 'employer_replied' as const, at }] };
    expect(replyRecordingProblem(recorded, [a.reference], 'interview', at)).toMatch(/déjà enregistrée/);
    expect(replyRecordingProblem({ ...a, status: 'interview' }, [a.reference], 'employer_replied', at)).toMatch(/ne permet plus/);
  });

  it('names the job seeker of a named promotion, never of an anonymous one', () => {
    const jobSeeker = { ftId: '7654321B', firstName: 'Sandrine', lastName: 'LEFÈVRE', promotionConsent: { granted: true } };
    expect(replyPerson({ mode: 'named', jobSeeker })).toBe('Sandrine LEFÈVRE');
    expect(replyPerson({ mode: 'anonymous', jobSeeker })).toBe('Profil anonyme');
  });
});
