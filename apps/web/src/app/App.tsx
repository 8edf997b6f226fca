import { createBrowserRouter, Link, Outlet } from 'react-router';
import { DesignsPage } from '../features/designs/DesignsPage.tsx';
import { EditorPage } from '../editor/EditorPage.tsx';
import { RunPage } from '../dashboard/RunPage.tsx';
import { ComparePage } from '../dashboard/ComparePage.tsx';

function Layout() {
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="brand">Faultline</Link>
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
      { path: '/designs/:id', element: <EditorPage /> },
      { path: '/runs/:id', element: <RunPage /> },
      { path: '/compare', element: <ComparePage /> },
    ],
  },
]);
