// Owns scrolling thousands of rows smoothly: only the rows in view (and a few either side) are in the DOM.
// Rows have one fixed height, so the position of any row is known without measuring it.
import { useState, type ReactNode } from 'react';

const OVERSCAN = 8;

export function VirtualRows<T>({
  items,
  rowHeight,
  height,
  label,
  renderRow,
}: {
  items: readonly T[];
  rowHeight: number;
  height: number;
  label: string;
  renderRow: (item: T, index: number) => ReactNode;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div
      className="virtual-rows"
      role="rowgroup"
      aria-label={label}
      data-testid="queue-rows"
      style={{ height, overflowY: 'auto', position: 'relative' }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, offset) => (
          <div key={first + offset} style={{ position: 'absolute', top: (first + offset) * rowHeight, left: 0, right: 0, height: rowHeight }}>
            {renderRow(item, first + offset)}
          </div>
        ))}
      </div>
    </div>
  );
}
