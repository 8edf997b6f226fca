import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  useCreateDesignMutation,
  useDeleteDesignMutation,
  useDuplicateDesignMutation,
  useListDesignsQuery,
} from '../../api/faultline-api.ts';
import { newWorkload } from '../../editor/new-parts.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { ImportButton, ImportProblem, useDesignImport } from './ImportButton.tsx';
import { RenameDesign } from './RenameDesign.tsx';
import { TemplateGallery } from './TemplateGallery.tsx';

/** A new design starts with the clients that send its traffic; everything else is drawn. */
const NEW_DESIGN = {
  name: 'Untitled design',
  components: [{ id: 'clients', name: 'Clients', kind: 'client' as const, position: { x: 0, y: 120 } }],
  workload: newWorkload('clients'),
};

export function DesignsPage() {
  const [q, setQ] = useState('');
  const [sort, setSort] = useState('-updatedAt');
  const sortId = useId();
  const { data, isLoading, error } = useListDesignsQuery({ q, sort });
  const [create] = useCreateDesignMutation();
  const [remove] = useDeleteDesignMutation();
  const [duplicate] = useDuplicateDesignMutation();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const importer = useDesignImport();
  // On first start (no designs at all) the examples are the page; later they are one press away.
  const firstStart = !q && data?.total === 0;

  const createDesign = async () => {
    const design = await create(NEW_DESIGN).unwrap();
    navigate(`/designs/${design.id}`);
  };

  return (
    <section className="page">
      <div className="page-title">
        <h1>Designs</h1>
        <div className="actions">
          <ImportButton importer={importer} />
          <button
            type="button"
            data-testid="designs.from-example"
            aria-expanded={firstStart || galleryOpen}
            aria-controls="gallery"
            onClick={() => setGalleryOpen((open) => !open)}
            disabled={firstStart}
          >
            New from example
          </button>
          <button type="button" className="primary" data-testid="designs.new" onClick={createDesign}>
            New design
          </button>
        </div>
      </div>
      <ImportProblem importer={importer} />
      {(firstStart || galleryOpen) && <TemplateGallery />}
      {!firstStart && (
        <div className="filters">
          <label>
            Search <input type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="designs.search" />
          </label>
          <span>
            <label htmlFor={sortId}>Sort</label>{' '}
            <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value)}>
              <option value="-updatedAt">Newest first</option>
              <option value="updatedAt">Oldest first</option>
              <option value="name">Name A–Z</option>
              <option value="-name">Name Z–A</option>
            </select>
          </span>
        </div>
      )}
      {isLoading && <p>Loading…</p>}
      {error && <p role="alert">The designs cannot be loaded.</p>}
      {data && data.items.length === 0 && !firstStart && <p>No design matches “{q}”.</p>}
      {data && data.items.length > 0 && (
        <table className="table" data-testid="designs.list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Components</th>
              <th>Faults</th>
              <th>Updated</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  {renaming === d.id ? (
                    <RenameDesign id={d.id} name={d.name} onDone={() => setRenaming(null)} />
                  ) : (
                    <Link to={`/designs/${d.id}`}>{d.name}</Link>
                  )}
                </td>
                <td>{d.components}</td>
                <td>{d.faults}</td>
                <td>{new Date(d.updatedAt).toLocaleString()}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setRenaming(d.id)}>
                    Rename
                  </button>
                  <button type="button" onClick={() => duplicate({ id: d.id })}>
                    Duplicate
                  </button>
                  <ExportLinks id={d.id} name={d.name} />
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (window.confirm(`Delete “${d.name}”? Its runs stay; the design cannot be restored.`))
                        void remove(d.id);
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
