import type { IngestSummary } from '../run';

/** How many reasons are printed per source before "… and N more". */
const SHOWN_REASONS = 10;

/** The end-of-run summary, in Chinese with the English terms, one block per source. */
export function formatSummary(summary: IngestSummary): string {
  const lines: string[] = [];
  const totals = { added: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const r of summary.sources) {
    if (r.error) {
      totals.failed += 1;
      lines.push(`✗ ${r.source}`, `    失败 failed: ${r.error.chinese}`);
      continue;
    }
    totals.added += r.added;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged;
    totals.skipped += r.skipped.length;
    const charset = r.charset
      ? `, ${r.charset}${r.detectedCharset ? ' (detected 检测所得)' : ''}`
      : '';
    lines.push(
      `✓ ${r.source} (${r.kind ?? 'unknown'}${charset})`,
      `    新增 added ${r.added} · 更新 updated ${r.updated} · 未变 unchanged ${r.unchanged} · 跳过 skipped ${r.skipped.length}`,
    );
    lines.push(...reasons('跳过 skipped', r.skipped), ...reasons('修正 repaired', r.repairs));
  }
  lines.push(
    '',
    `合计 total: 新增 added ${totals.added} · 更新 updated ${totals.updated} · 未变 unchanged ${totals.unchanged} · 跳过 skipped ${totals.skipped} · 失败来源 failed sources ${totals.failed}`,
    `内容库 store: ${summary.articles} 篇 articles`,
  );
  if (summary.api) {
    const { api } = summary;
    lines.push(
      `API: ${api.full ? '全部重建 full build' : '增量 incremental'} · 写入 written ${api.written.length} · 删除 removed ${api.removed.length} · 未变 unchanged ${api.unchanged}`,
    );
  }
  if (summary.dryRun) lines.push('（演练 dry run：没有写入任何文件 nothing was written）');
  return `${lines.join('\n')}\n`;
}

function reasons(label: string, list: readonly string[]): string[] {
  if (list.length === 0) return [];
  const shown = list.slice(0, SHOWN_REASONS).map((reason) => `      - ${reason}`);
  if (list.length > SHOWN_REASONS)
    shown.push(`      … 另有 and ${list.length - SHOWN_REASONS} more`);
  return [`    ${label}:`, ...shown];
}
