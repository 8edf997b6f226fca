import { COMPONENT_KINDS, type ComponentKind } from '@faultline/schemas';

export const PALETTE_MIME = 'application/x-faultline-component';

/** Every component kind: drag one onto the canvas, or press it to add it in view. */
export function Palette({ onAdd }: { onAdd: (kind: ComponentKind) => void }) {
  return (
    <nav className="palette" aria-label="Component palette">
      <h2>Components</h2>
      {COMPONENT_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          draggable
          data-testid={`palette.${kind}`}
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, kind);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => onAdd(kind)}
        >
          {kind}
        </button>
      ))}
    </nav>
  );
}
