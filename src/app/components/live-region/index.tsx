import { announcement } from '../../lib/announce';
import { useObservable } from '../../lib/use-observable';

/**
 * The shell's polite live region. It is in the DOM from the first render (a
 * region created together with its text is often not announced) and pages
 * speak through {@link import('../../lib/announce').announce}. It has no
 * role="status" so that loading indicators stay the page's only status role.
 */
export function LiveRegion() {
  const message = useObservable(announcement);
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
