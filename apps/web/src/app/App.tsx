import { createBrowserRouter, Link, Outlet } from 'react-router';
import { DesignsPage } from '../features/designs/DesignsPage.tsx';

function Layout() {
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="brand">
          Faultline
        </Link>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <DesignsPage /> },
      // The editor (React Flow) and the dashboards (charts) load when first visited, so the
      // designs list does not wait for them.
      {
        path: '/designs/:id',
        lazy: async () => ({ Component: (await import('../editor/EditorPage.tsx')).EditorPage }),
      },
      { path: '/runs/:id', lazy: async () => ({ Component: (await import('../dashboard/RunPage.tsx')).RunPage }) },
      {
        path: '/compare',
        lazy: async () => ({ Component: (await import('../dashboard/ComparePage.tsx')).ComparePage }),
      },
    ],
  },
]);
