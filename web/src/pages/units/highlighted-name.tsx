import { splitForHighlight } from '../../lib/highlight.ts';

/** A unit name with the words of the search marked (accent-insensitive: "loc binh" marks "Lộc Bình"). */
export function HighlightedName({ name, query }: { name: string; query: string }) {
  if (!query) return <>{name}</>;
  return (
    <>
      {splitForHighlight(name, query).map((part, i) =>
        part.match ? (
          <mark
            key={i}
            className="search-match"
            style={{ background: '#ffe58f', padding: '0 2px', borderRadius: 3 }}
          >
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
