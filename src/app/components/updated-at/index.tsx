import { formatFetchedAt } from '../../lib/freshness';

/** 「更新于 MM-DD HH:mm」: when this device last fetched the channel's first page. */
export function UpdatedAt({ fetchedAt }: { fetchedAt: number }) {
  const { iso, text } = formatFetchedAt(fetchedAt);
  return (
    <p class="updated-at">
      更新于 <time dateTime={iso}>{text}</time>
    </p>
  );
}
