import { formatDateTime, formatListDate } from '../../lib/date';

/**
 * A publication time. `datetime` is the feed's original RFC 3339 string and
 * the text is its own digits (see lib/date.ts): "full" for the article's
 * 发布时间, "list" (to the minute) everywhere else.
 */
export function Time({ value, format = 'list' }: { value: string; format?: 'list' | 'full' }) {
  return (
    <time dateTime={value}>
      {format === 'full' ? formatDateTime(value) : formatListDate(value)}
    </time>
  );
}
