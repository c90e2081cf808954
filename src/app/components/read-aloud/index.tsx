import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../../../shared/feed/types';
import { getRelated } from '../../data';
import { announce } from '../../lib/announce';
import type { QueueItem, ReadingUnit } from '../../lib/speech/queue';
import { buildQueue, indexOfParagraph, nextIndex, resumeIndex } from '../../lib/speech/queue';
import {
  readAloudPrefs,
  requestContinue,
  savePosition,
  storedPosition,
  takeContinue,
} from '../../lib/speech/prefs';
import { useObservable } from '../../lib/use-observable';
import { setUpdateDeferral } from '../../pwa';
import { articleHref } from '../article-link';
import type { Controller, Phase } from './context';
import { PlayerContext, ReadAloudContext } from './context';
import { clearHighlight, highlightSentence } from './highlight';
import { findChineseVoice, synthesis } from './speech';
import './style.css';

/** The readable parts of the article on the page, with their elements, in reading order. */
function collectUnits(root: Element): { units: ReadingUnit[]; elements: Element[] } {
  const units: ReadingUnit[] = [];
  const elements: Element[] = [];
  const head = root.querySelectorAll(
    '.article-head .kicker, .article-head h1, .article-head .subtitle',
  );
  for (const element of head) {
    units.push({ text: element.textContent ?? '' });
    elements.push(element);
  }
  for (const element of root.querySelectorAll('[data-read-para]')) {
    units.push({
      text: element.textContent ?? '',
      paragraph: Number(element.getAttribute('data-read-para')),
    });
    elements.push(element);
  }
  return { units, elements };
}

/**
 * Read aloud (语音朗读) for one article: 连读 from the headline, 指读 from any
 * body paragraph, one utterance per sentence so highlight, pause and resume
 * behave the same in every browser. Wraps the article so body paragraphs can
 * reach the player; renders nothing itself (see {@link ReadAloudPlayer}).
 */
export function ReadAloudScope({
  article,
  channelId,
  children,
}: {
  article: Article;
  channelId: string;
  children: ComponentChildren;
}) {
  const { enabled, rate, continueNext } = useObservable(readAloudPrefs);
  const { route } = useLocation();
  const [phase, setPhaseState] = useState<Phase>('idle');
  const [current, setCurrent] = useState('');
  const [canResume, setCanResume] = useState(() => storedPosition(article.id) !== undefined);
  const playerRef = useRef<HTMLElement | null>(null);
  const state = useRef({
    phase: 'idle' as Phase,
    generation: 0,
    index: 0,
    queue: [] as QueueItem[],
    elements: [] as Element[],
    voice: null as SpeechSynthesisVoice | null,
  });
  // The latest preferences, for callbacks that outlive a render.
  const settings = useRef({ rate, continueNext });
  settings.current = { rate, continueNext };

  const setPhase = (next: Phase) => {
    state.current.phase = next;
    setPhaseState(next);
    // An update prompt must not interrupt listening.
    setUpdateDeferral(() => state.current.phase === 'playing' || state.current.phase === 'paused');
    if ('mediaSession' in navigator) {
      navigator.mediaSession.playbackState =
        next === 'playing' ? 'playing' : next === 'paused' ? 'paused' : 'none';
    }
  };

  const remember = () => {
    const s = state.current;
    if (s.index > 0) savePosition({ articleId: article.id, index: s.index });
    setCanResume(s.index > 0);
  };

  const finish = () => {
    const s = state.current;
    s.generation += 1;
    clearHighlight();
    setCurrent('');
    savePosition(undefined);
    setCanResume(false);
    setPhase('stopped');
    announce('朗读结束');
    if (settings.current.continueNext) goToNextArticle();
  };

  /** Opens the next article of the channel and reads it (「读完后继续下一篇」, nexttrack). */
  const goToNextArticle = () => {
    if (!channelId) return;
    void getRelated(article.id, channelId, 1).then((next) => {
      const following = next[0];
      if (!following) return;
      requestContinue(following.id);
      route(articleHref(following.id));
    });
  };

  const speak = (index: number) => {
    const synth = synthesis();
    const s = state.current;
    const item = s.queue[index];
    if (!synth || !s.voice || !item) return;
    s.generation += 1;
    const generation = s.generation;
    s.index = index;
    const element = s.elements[item.unit];
    if (element) highlightSentence(element, item.start, item.end);
    setCurrent(item.text);
    const utterance = new SpeechSynthesisUtterance(item.text);
    utterance.voice = s.voice;
    utterance.lang = s.voice.lang;
    utterance.rate = settings.current.rate;
    utterance.onend = () => {
      if (generation !== state.current.generation) return;
      const next = nextIndex(state.current.queue, index);
      if (next < 0) finish();
      else speak(next);
    };
    utterance.onerror = (event) => {
      // cancel() (pause, stop) ends the utterance with an error on purpose.
      if (generation !== state.current.generation) return;
      if (event.error === 'interrupted' || event.error === 'canceled') return;
      state.current.generation += 1;
      setPhase('stopped');
      remember();
      announce('朗读出错，已停止');
    };
    synth.speak(utterance);
  };

  const controller: Controller = {
    phase,
    current,
    canResume,
    playerRef,
    start(from) {
      const synth = synthesis();
      if (!synth) {
        setPhase('unsupported');
        return;
      }
      const root = playerRef.current?.closest('article');
      if (!root) return;
      synth.cancel();
      state.current.generation += 1;
      const { units, elements } = collectUnits(root);
      const queue = buildQueue(units);
      state.current.queue = queue;
      state.current.elements = elements;
      let index = 0;
      if (from === 'resume') index = Math.max(0, resumeIndex(queue, storedPosition(article.id)));
      else if (typeof from === 'object')
        index = Math.max(0, indexOfParagraph(units, queue, from.paragraph));
      else index = from;
      setPhase('checking');
      void findChineseVoice(synth).then((voice) => {
        if (!voice) {
          setPhase('novoice');
          return;
        }
        state.current.voice = voice;
        setMediaSession(article.title);
        setPhase('playing');
        announce('开始朗读');
        speak(index);
      });
    },
    pause() {
      if (state.current.phase !== 'playing') return;
      // cancel() rather than pause(): pause is unreliable on Android and
      // Safari; the sentence is simply read again from its start on resume.
      state.current.generation += 1;
      synthesis()?.cancel();
      setPhase('paused');
      remember();
      announce('已暂停');
    },
    resume() {
      if (state.current.phase !== 'paused') return;
      setPhase('playing');
      announce('继续朗读');
      speak(state.current.index);
    },
    stop() {
      state.current.generation += 1;
      synthesis()?.cancel();
      clearHighlight();
      setCurrent('');
      remember();
      setPhase('stopped');
      announce('已停止朗读');
    },
    nextArticle() {
      state.current.generation += 1;
      synthesis()?.cancel();
      goToNextArticle();
    },
  };
  const live = useRef(controller);
  live.current = controller;

  const setMediaSession = (title: string) => {
    if (!('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    if (typeof MediaMetadata === 'function') {
      session.metadata = new MediaMetadata({ title, artist: '齐鲁轻读', artwork: [] });
    }
    const handlers: [MediaSessionAction, () => void][] = [
      ['play', () => live.current.resume()],
      ['pause', () => live.current.pause()],
      ['stop', () => live.current.stop()],
      ['nexttrack', () => live.current.nextArticle()],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // Older browsers reject actions they do not know.
      }
    }
  };

  // Leaving the article (or switching read aloud off) silences it.
  useEffect(() => {
    if (takeContinue(article.id)) live.current.start(0);
    return () => {
      const s = state.current;
      if (s.phase === 'playing' || s.phase === 'paused') {
        s.generation += 1;
        synthesis()?.cancel();
        if (s.index > 0) savePosition({ articleId: article.id, index: s.index });
      }
      s.phase = 'idle';
      clearHighlight();
      setUpdateDeferral(() => false);
      if ('mediaSession' in navigator) {
        navigator.mediaSession.metadata = null;
        navigator.mediaSession.playbackState = 'none';
      }
    };
  }, [article.id, enabled]);

  const open = enabled && phase !== 'idle';
  const targets = useMemo(
    () => ({ open, readFrom: (paragraph: number) => live.current.start({ paragraph }) }),
    [open],
  );
  return (
    <ReadAloudContext.Provider value={enabled ? targets : null}>
      <PlayerContext.Provider value={enabled ? controller : null}>
        {children}
      </PlayerContext.Provider>
    </ReadAloudContext.Provider>
  );
}

export { ReadAloudPlayer } from './player';
