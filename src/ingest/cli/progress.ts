import type { IngestProgress } from '../run';

/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise (cron mail
 * and CI logs should not fill with carriage returns).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): IngestProgress {
  const tty = stream.isTTY === true;
  let lastApiLine = 0;
  const bar = (done: number, total: number): string => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  };
  return {
    source(index, total, name) {
      if (tty) {
        stream.write(`\r\x1b[2K来源 sources ${bar(index, total)} ${name.slice(-50)}`);
        if (index === total) stream.write('\n');
      } else if (index < total) {
        stream.write(`来源 source ${index + 1}/${total}: ${name}\n`);
      }
    },
    apiFile(done, total) {
      if (tty) {
        if (done === total || done % 50 === 0) {
          stream.write(`\r\x1b[2K写入 API files ${bar(done, total)}`);
        }
        if (done === total) stream.write('\n');
      } else if (done === total || done - lastApiLine >= 5000) {
        lastApiLine = done;
        stream.write(`写入 API files ${done}/${total}\n`);
      }
    },
  };
}
