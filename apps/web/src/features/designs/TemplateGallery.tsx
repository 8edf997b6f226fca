import { useNavigate } from 'react-router';
import { useCreateDesignMutation, useListTemplatesQuery } from '../../api/faultline-api.ts';

/**
 * The examples a design can start from, each with the lesson it teaches. Picking one saves a
 * copy as a new design and opens it in the editor, ready to run.
 */
export function TemplateGallery({ headingLevel: Heading = 'h2' }: { headingLevel?: 'h1' | 'h2' }) {
  const { data, isLoading, error } = useListTemplatesQuery();
  const [create, creating] = useCreateDesignMutation();
  const navigate = useNavigate();

  const start = async (design: NonNullable<typeof data>[number]['design']) => {
    const stored = await create(design).unwrap();
    navigate(`/designs/${stored.id}`);
  };

  return (
    <section className="gallery" aria-labelledby="gallery-title" data-testid="designs.gallery">
      <Heading id="gallery-title">Start from an example</Heading>
      <p className="hint">
        Each example is a small system with a fault already set up: open one and press Run to see what it teaches.
      </p>
      {isLoading && <p>Loading the examples…</p>}
      {error && <p role="alert">The examples cannot be loaded.</p>}
      <ul className="gallery-cards">
        {data?.map((template) => (
          <li key={template.id} className="gallery-card">
            <h3>{template.name}</h3>
            <p>{template.description}</p>
            <p className="gallery-size">
              {template.design.components.length} components · {template.design.faults.length} fault
              {template.design.faults.length === 1 ? '' : 's'}
            </p>
            <button
              type="button"
              className="primary"
              data-testid={`template.${template.id}`}
              disabled={creating.isLoading}
              onClick={() => void start(template.design)}
              aria-label={`Open the example “${template.name}”`}
            >
              Open this example
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
