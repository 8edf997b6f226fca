/**
 * Download a saved design as JSON or YAML: both read back by Import and by the command line. The
 * group is named for the design; the links only by their format, so a search by name finds the design.
 */
export function ExportLinks({ id, name }: { id: string; name: string }) {
  return (
    <span className="export-links" role="group" aria-label={`Export “${name}”`}>
      Export
      {(['json', 'yaml'] as const).map((format) => (
        <a
          key={format}
          href={`/api/designs/${id}/export?format=${format}`}
          download
          data-testid={`export.${format}`}
          title={`Download as ${format.toUpperCase()}`}
        >
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
