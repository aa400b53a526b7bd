import { printCss } from '../../lib/print-styles.ts';

// Registry pages: overdue loans and applications stand out in red; results superseded by an amendment are greyed.
const css = `
.loan-overdue > td, .application-overdue > td { background: #fff1f0 !important; }
.superseded-row > td { color: rgba(0, 0, 0, 0.45); background: #fafafa; }
.masked-cccd { font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace; letter-spacing: 0.02em; }
.category-timeline { overflow-x: auto; padding-top: 8px; }
${printCss}
`;

/** React hoists and de-duplicates the sheet by its href, however many registry pages render it. */
export function RegistryStyles() {
  return (
    <style href="chung-tay-registry" precedence="default">
      {css}
    </style>
  );
}
