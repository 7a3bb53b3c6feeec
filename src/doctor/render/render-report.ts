import { terminalSafeDeep } from '../../core/terminal-safe.js';
import type { DoctorReport } from '../report.js';
import { renderHtml } from './html.js';
import { renderText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'html';

export interface RenderOptions {
  /** ANSI colour (text only): a TTY and no NO_COLOR / --no-color. */
  color?: boolean;
  /** Show the details of passing checks and the clients' notes. */
  verbose?: boolean;
}

/** The report as text, JSON (the DESIGN.md contract) or a self-contained HTML page. Pure. */
export function renderReport(
  report: DoctorReport,
  format: ReportFormat,
  options: RenderOptions = {},
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderHtml(report);
    default:
      return renderText(terminalSafeDeep(report), options);
  }
}
