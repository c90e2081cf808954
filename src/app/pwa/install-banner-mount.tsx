import { render } from 'preact';
import { InstallBanner } from '../components/install-banner';

/**
 * Puts the install banner on the page, outside the app's own tree: it is
 * loaded lazily (install-capture.ts) and needs nothing from the router, so the
 * shell carries no code for it. Its host is the last element of <body>, which
 * is where the sticky banner rests when the reader reaches the end of the page
 * (after the footer) and where a screen reader meets it: after everything else.
 */
export function mountInstallBanner(): void {
  if (document.getElementById('install-banner-host')) return;
  const host = document.createElement('div');
  host.id = 'install-banner-host';
  // display: contents (see the banner's style.css): the banner sticks within <body>, not this div.
  host.className = 'install-banner-host';
  document.body.append(host);
  // The count it waits on, shown on the host: why the banner is not there yet is visible in
  // the DOM (the e2e test waits on it instead of on time).
  const onCount = (read: number) => {
    host.dataset.articlesRead = String(read);
  };
  render(<InstallBanner onCount={onCount} />, host);
}
