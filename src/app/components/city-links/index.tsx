import type { Channel } from '../../../shared/feed/types';
import './style.css';

/** A grid of links to every city channel, in directory order. */
export function CityLinks({ cities }: { cities: readonly Channel[] }) {
  return (
    <ul class="city-grid">
      {cities.map((city) => (
        <li key={city.id}>
          <a href={`/channel/${encodeURIComponent(city.id)}`}>{city.title}</a>
        </li>
      ))}
    </ul>
  );
}
