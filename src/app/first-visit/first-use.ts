/**
 * The reader's first use of a control on a resting page (./index.ts): the
 * page is its prerendered HTML, so a button there does nothing by itself. The
 * first sign that a control is about to be used (a pointer or a key on it,
 * focus in it) starts loading the app; the use itself (the click, a form's
 * submission) is held, and done again once the app has rendered over the page,
 * on the same element (Preact hydrates the page's elements, it does not
 * replace them). Links are not controls: they work as links and are left alone.
 */

/** What counts as a control: what answers a click or takes input only once the app runs. */
const CONTROL =
  'button, input, select, textarea, summary, label, [role="button"], [role="switch"], [role="checkbox"], [role="tab"], [role="menuitem"], [contenteditable="true"], [contenteditable=""]';

/** The control `target` is in, unless it is (in) a link, which works without the app. */
export function controlOf(target: EventTarget | null): Element | undefined {
  if (!(target instanceof Element)) return undefined;
  if (target.closest('a[href]')) return undefined;
  return target.closest(CONTROL) ?? undefined;
}

/** What was held: a click on a control, or a form's submission. */
type HeldUse = { readonly click: HTMLElement } | { readonly submit: HTMLFormElement };

/**
 * Text typed into a field before the app rendered is in the element but not in
 * the app's state (hydration keeps the page's values): an `input` event tells
 * the app what the field holds, as if the reader had just typed it.
 */
function syncTypedText(doc: Document): void {
  const field = doc.activeElement;
  if (
    (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) &&
    field.value !== ''
  ) {
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Does `use` again, on elements the app now drives; a use of an element gone since does nothing. */
function replay(use: HeldUse): void {
  if ('click' in use) {
    if (use.click.isConnected) use.click.click();
    return;
  }
  if (use.submit.isConnected) use.submit.requestSubmit();
}

/**
 * Listens on `doc` for the first use of a control. `takeOver` loads and renders
 * the app (called again, it returns the same promise; after a failure, a new
 * one); once it resolves the held use is replayed and the listeners go.
 * Returns a function that removes them (once an app that came another way,
 * the connection lost for example, is in).
 */
export function onFirstUse(doc: Document, takeOver: () => Promise<void>): () => void {
  let held: HeldUse | undefined;
  let busy: Element | undefined;

  const stop = (): void => {
    doc.removeEventListener('pointerdown', warm, true);
    doc.removeEventListener('keydown', warm, true);
    doc.removeEventListener('focusin', warm, true);
    doc.removeEventListener('click', holdClick, true);
    doc.removeEventListener('submit', holdSubmit, true);
  };

  const hold = (use: HeldUse, control: Element): void => {
    // The first use is the one replayed: a second tap while the app loads would undo it.
    if (held) return;
    held = use;
    busy = control;
    control.setAttribute('aria-busy', 'true');
    takeOver().then(
      () => {
        stop();
        busy?.removeAttribute('aria-busy');
        syncTypedText(doc);
        const use = held;
        held = undefined;
        if (use) replay(use);
      },
      (error: unknown) => {
        // Offline before the worker had the app's files, for example: the page stays as it
        // is, and the next use tries again.
        busy?.removeAttribute('aria-busy');
        held = undefined;
        console.warn('The app did not load; the page stays as it is', error);
      },
    );
  };

  function warm(event: Event): void {
    // Once the app runs, uses go to it directly.
    if (controlOf(event.target)) takeOver().then(stop, () => undefined);
  }

  function holdClick(event: MouseEvent): void {
    const control = controlOf(event.target);
    if (!control || event.defaultPrevented) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (control instanceof HTMLElement) hold({ click: control }, control);
  }

  function holdSubmit(event: SubmitEvent): void {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    event.preventDefault();
    hold({ submit: form }, form);
  }

  doc.addEventListener('pointerdown', warm, true);
  doc.addEventListener('keydown', warm, true);
  doc.addEventListener('focusin', warm, true);
  doc.addEventListener('click', holdClick, true);
  doc.addEventListener('submit', holdSubmit, true);
  return stop;
}
