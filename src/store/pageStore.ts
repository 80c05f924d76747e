// The page's own things, apart from any simulation: the one clock every pane runs on (playing,
// speed), the open dialog, and the notices the page shows. A pane (paneStore.ts) holds one
// session and what its views derive from it; the twin view will put two panes on one page.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Speed } from '../session/record.ts';
import { FULL_CHROME, type Chrome, type Mode, type ThemeChoice } from './mode.ts';
import type { LessonLink } from './url.ts';

export type DialogRequest =
  | { kind: 'runTask' | 'createService' | 'registerRevision' | 'registerJson' | 'createSchedule'; taskDefinition?: string }
  /** `taskDefinition`: a revision to start the form with ("Deploy it to service web…"). */
  | { kind: 'updateService'; service: string; taskDefinition?: string }
  | { kind: 'shortcuts' | 'scenes' | 'share' | 'lessons' | 'embed' | 'zoneFaults' };

/** A message for the person at the page (a bad link, a dropped autosave): what happened, and
 *  optionally one thing to do about it. */
export type Notice = {
  id: number;
  tone: 'info' | 'problem';
  text: string;
  action?: { label: string; run: () => void };
  onDismiss?: () => void;
  /** Its offer (restore, undo) lapses once the user acts: it is withdrawn then. */
  untilAction?: boolean;
};

export type PageState = {
  playing: boolean;
  speed: Speed;
  dialog: DialogRequest | null;
  notices: Notice[];
  /** The lesson being taken and the stage shown (1-based), or null in free play. */
  lesson: LessonLink | null;
  /** What the page is for (the full playground, an embedded figure, presenter mode) and the chrome
   *  it shows; the query sets it, and presenter mode can be switched on and off. */
  chrome: Chrome;
  /** The colours chosen (auto follows the OS). */
  theme: ThemeChoice;
  setMode: (mode: Exclude<Mode, 'embed'>) => void;
  setTheme: (theme: ThemeChoice) => void;
  setLesson: (lesson: LessonLink | null) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
  openDialog: (dialog: DialogRequest | null) => void;
  /** Show a notice; one with the same text replaces the older. Returns its id. */
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
  /** The user acted: withdraw the offers that lapse with that. */
  acted: () => void;
};

export type PageStore = StoreApi<PageState>;

export function createPageStore(initial: {
  speed: Speed;
  playing?: boolean;
  notices?: Omit<Notice, 'id'>[];
  lesson?: LessonLink | null;
  chrome?: Chrome;
  theme?: ThemeChoice;
}): PageStore {
  let nextId = 1;
  return createStore<PageState>()((set) => ({
    playing: initial.playing ?? true,
    speed: initial.speed,
    dialog: null,
    notices: (initial.notices ?? []).map((n) => ({ ...n, id: nextId++ })),
    lesson: initial.lesson ?? null,
    chrome: initial.chrome ?? FULL_CHROME,
    theme: initial.theme ?? 'auto',
    // An embedded figure stays one: only the full page and presenter mode trade places.
    setMode: (mode) => set((s) => (s.chrome.mode === 'embed' || s.chrome.mode === mode ? s : { chrome: { ...s.chrome, mode } })),
    // The user's choice is theirs from now on, over a theme the URL named (which a reload would
    // otherwise bring back); an embed's theme is its snippet's and stays so.
    setTheme: (theme) => set((s) => ({ theme, ...(s.chrome.theme !== null && s.chrome.mode !== 'embed' ? { chrome: { ...s.chrome, theme: null } } : {}) })),
    setLesson: (lesson) => set((s) => (s.lesson?.id === lesson?.id && s.lesson?.step === lesson?.step ? s : { lesson })),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    openDialog: (dialog) => set({ dialog }),
    notify(notice) {
      const id = nextId++;
      set((s) => ({ notices: [...s.notices.filter((n) => n.text !== notice.text), { ...notice, id }] }));
      return id;
    },
    acted: () => set((s) => (s.notices.some((n) => n.untilAction) ? { notices: s.notices.filter((n) => !n.untilAction) } : s)),
    dismiss: (id) =>
      set((s) => {
        s.notices.find((n) => n.id === id)?.onDismiss?.();
        return { notices: s.notices.filter((n) => n.id !== id) };
      }),
  }));
}
