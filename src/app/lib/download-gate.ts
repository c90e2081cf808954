/**
 * Whether a download for offline reading may start on this connection. The
 * reader's data plan comes first: the system-wide Save-Data switch always
 * wins, and 「仅在 Wi-Fi 下载」 holds whenever the browser says what kind of
 * connection this is (Chromium on Android does; desktop browsers mostly don't,
 * and then we cannot tell and let the download run).
 */

/** The parts of the Network Information API we read (not in TypeScript's DOM lib). */
export interface ConnectionInfo {
  readonly saveData?: boolean;
  /** "wifi", "cellular", "ethernet", "none", "unknown", … where exposed. */
  readonly type?: string;
}

/** The verdict, with the sentence that tells the reader why a download did not start. */
export type DownloadGate =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: 'save-data' | 'not-wifi';
      readonly message: string;
    };

/** Connection types that do not bill by the megabyte. */
const UNMETERED = new Set(['wifi', 'ethernet']);

/** Decides whether a download may start; see the module comment for the rules. */
export function downloadGate(
  connection: ConnectionInfo | undefined,
  wifiOnly: boolean,
): DownloadGate {
  if (connection?.saveData === true) {
    return {
      allowed: false,
      reason: 'save-data',
      message: '系统已开启省流量（节省数据）模式，为节省流量，没有开始下载。关闭该模式后可以再试。',
    };
  }
  const type = connection?.type;
  if (wifiOnly && type !== undefined && type !== 'unknown' && !UNMETERED.has(type)) {
    return {
      allowed: false,
      reason: 'not-wifi',
      message: '已开启“仅在 Wi-Fi 下载”，当前没有连接 Wi-Fi，所以没有开始下载。',
    };
  }
  return { allowed: true };
}

/** The browser's connection info, when it exposes any. */
export function currentConnection(): ConnectionInfo | undefined {
  const nav = navigator as Navigator & { readonly connection?: ConnectionInfo };
  return nav.connection;
}
