/**
 * The promotion form's choices for one job seeker: job, mode, message, establishments and contacts.
 * Kept as a draft keyed by the file's ftId, so closing the panel loses nothing and another file never
 * inherits them (the section is re-mounted per file: `key={ftId}` in PageContext).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import type { PromotionMode } from '@/lib/domain/promotion';
import { loadDraft, saveDraft } from '@/lib/store';
import { uiDb } from './db';

export interface FormChoices {
  open: boolean;
  /** Ticked establishments; `undefined` until the counsellor changes them (the defaults apply). */
  selected?: string[];
  contactBySiret: Record<string, number>;
  mode: PromotionMode;
  /** One of this file's target jobs. */
  rome?: string;
  /** The message template as the counsellor edited it; `undefined` while it is the generated one. */
  editedTemplate?: string;
}

/** The file's main job (or first), the job proposed unless the counsellor picks another. */
export const mainRomeOf = (profile: JobSeekerProfile) => (profile.targetJobs.find((j) => j.main) ?? profile.targetJobs[0])?.rome;

const initialChoices = (profile: JobSeekerProfile): FormChoices => ({
  open: false,
  contactBySiret: {},
  mode: 'named',
  rome: mainRomeOf(profile),
});

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** `preselected`: establishments a match chose; ticked too when the draft already has its own list. */
export function usePromotionDraft(profile: JobSeekerProfile, preselected: readonly string[]) {
  const [choices, setChoices] = useState<FormChoices>(() => initialChoices(profile));
  // The choices as first rendered: while they are still these, the counsellor has not acted, nor a reset.
  const untouched = useRef(choices);
  const latestPreselection = useRef(preselected);
  latestPreselection.current = preselected;
  // Only what the counsellor changed here is saved: a panel that merely shows a draft (a second window's panel on the
  // same file) must not write back the older copy it read over a newer one.
  const [changedHere, setChangedHere] = useState(false);

  useEffect(() => {
    let alive = true;
    void loadDraft(uiDb(), profile.ftId).then((draft) => {
      if (!alive || !draft) return;
      // A job that is not this file's (an older draft, a changed file) falls back to the main one.
      const rome = profile.targetJobs.some((j) => j.rome === draft.rome) ? draft.rome : mainRomeOf(profile);
      // A draft read after the counsellor already acted (slow first IndexedDB open) must not undo that.
      setChoices((current) =>
        current !== untouched.current
          ? current
          : {
              open: true,
              selected: union(draft.selectedSirets, latestPreselection.current),
              contactBySiret: draft.contactBySiret,
              mode: draft.mode,
              rome,
              editedTemplate: draft.pitchEdited ? draft.pitch : undefined,
            },
      );
    });
    return () => {
      alive = false;
    };
  }, [profile.ftId]);

  useEffect(() => {
    if (preselected.length) setChoices((c) => (c.selected ? { ...c, selected: union(c.selected, preselected) } : c));
  }, [preselected.join()]);

  return {
    choices,
    changedHere,
    update: (patch: Partial<FormChoices>) => {
      setChangedHere(true);
      setChoices((c) => ({ ...c, ...patch }));
    },
    /** After a promotion left: the form closes and starts afresh (the background dropped the draft). */
    reset: () => setChoices(initialChoices(profile)),
  };
}

/**
 * Saves the draft while the form is open, once the counsellor changed something in this panel. A layout effect: it
 * runs as the change renders. A plain effect waits for the next frame, which a panel in the background (Firefox's
 * sidebar page in a tab, a loaded machine) may not get before the counsellor switches files, and the change was lost.
 */
export function useDraftSaving(profile: JobSeekerProfile, choices: FormChoices, changedHere: boolean, chosen: string[], template: string) {
  useLayoutEffect(() => {
    if (!choices.open || !changedHere) return;
    void saveDraft(uiDb(), {
      ftId: profile.ftId,
      selectedSirets: chosen,
      rome: choices.rome,
      mode: choices.mode,
      channel: 'email',
      pitch: template,
      pitchEdited: choices.editedTemplate !== undefined,
      contactBySiret: choices.contactBySiret,
    }).catch(() => undefined);
  }, [profile.ftId, choices.open, changedHere, chosen.join(), choices.rome, choices.mode, template, JSON.stringify(choices.contactBySiret)]);
}
