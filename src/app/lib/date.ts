// The formatting rules are shared with the service worker's boot view (src/sw/boot).
export { formatDateTime, formatListDate } from '../../shared/date';
