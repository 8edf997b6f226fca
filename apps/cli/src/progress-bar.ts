import type { RunProgress } from '@faultline/schemas';

const WIDTH = 30;

/** A one-line bar redrawn in place; only for a person at a terminal. */
export function progressBar(stream: NodeJS.WriteStream): { update(progress: RunProgress): void; done(): void } {
  let shown = -1;
  return {
    update({ percent, events }) {
      const whole = Math.floor(percent);
      if (whole === shown) return;
      shown = whole;
      const filled = Math.round((percent / 100) * WIDTH);
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(whole).padStart(3)} %  ${events.toLocaleString('en')} events`,
      );
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
