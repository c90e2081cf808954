import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** What body paragraphs need from the read-aloud player for 指读. */
export interface ReadAloudTargets {
  /** The player is open: paragraphs offer 「从此段朗读」. */
  readonly open: boolean;
  /** Starts reading at body paragraph `paragraph` (1-based). */
  readonly readFrom: (paragraph: number) => void;
}

/** Null outside an article, or when 语音朗读 is switched off. */
export const ReadAloudContext = createContext<ReadAloudTargets | null>(null);

/** Where the player is. `novoice`: no Chinese voice; `unsupported`: no speech synthesis. */
export type Phase =
  'idle' | 'checking' | 'playing' | 'paused' | 'stopped' | 'novoice' | 'unsupported';

/** What the player element shows and does. */
export interface Controller {
  readonly phase: Phase;
  readonly current: string;
  readonly canResume: boolean;
  readonly playerRef: { current: HTMLElement | null };
  start(from: number | 'resume' | { paragraph: number }): void;
  pause(): void;
  resume(): void;
  stop(): void;
  nextArticle(): void;
}

/** Shares the controller between the scope and the player element. */
export const PlayerContext = createContext<Controller | null>(null);

/** The controller of the article's read-aloud scope (null when switched off). */
export function usePlayer(): Controller | null {
  return useContext(PlayerContext);
}
