import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { AboutSection } from './pages';
import { getAboutPage } from './pages';
import { usePage } from '../../lib/page';
import { NotFoundContent } from '../not-found';

function Section({ section }: { section: AboutSection }) {
  const headingId = section.id ? `${section.id}-heading` : undefined;
  return (
    <section id={section.id} tabindex={section.id ? -1 : undefined} aria-labelledby={headingId}>
      {section.heading && (
        <h2 id={headingId} class="section-heading">
          {section.heading}
        </h2>
      )}
      {section.paragraphs.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
      {section.items && (
        <ul>
          {section.items.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      )}
      {section.links && (
        <ul class="about-links">
          {section.links.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.text}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Following 邮箱 (/about/contact#email) while already on /about/contact only
 * changes the fragment, which is not a navigation: take the reader there.
 */
function useFragmentFocus(): void {
  const { url } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = location.hash.slice(1);
    if (id) document.getElementById(decodeURIComponent(id))?.focus();
  }, [url]);
}

function AboutView({ slug }: { slug: string }) {
  const page = getAboutPage(slug);
  usePage(page?.title);
  useFragmentFocus();
  if (!page) return <NotFoundContent />;
  return (
    <div class="page about">
      <h1 class="page-title" tabindex={-1}>
        {page.title}
      </h1>
      {page.sections.map((section, index) => (
        <Section key={index} section={section} />
      ))}
    </div>
  );
}

/** `/about/:page`: the footer's site-information pages. */
export default function About({ page }: { page: string }) {
  return <AboutView key={page} slug={page} />;
}
