/** Download a saved design as JSON or YAML: both read back by Import and by the command line. */
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
          aria-label={`Export “${name}” as ${format.toUpperCase()}`}
        >
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
