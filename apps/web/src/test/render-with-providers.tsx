import type { ReactElement, ReactNode } from 'react';
import { render, type RenderOptions } from '@testing-library/react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router';
import type { DesignInput } from '@faultline/schemas';
import { makeStore, type AppStore, type RootState } from '../app/store.ts';
import { editorActions, editorSlice, type EditorState } from '../editor/editor-slice.ts';

interface ProvidersOptions extends Omit<RenderOptions, 'wrapper'> {
  /** The state the store starts from (see `editing`), as the app's own `makeStore` takes it. */
  preloadedState?: Partial<RootState>;
  /** A store prepared beforehand (server data already cached, say); by default a new one. */
  store?: AppStore;
  /** The address the app is at, for components that read the route or link elsewhere. */
  route?: string;
}

/** Renders `ui` as the app does: inside a store of its own and a router. */
export function renderWithProviders(
  ui: ReactElement,
  { preloadedState, store = makeStore(preloadedState), route = '/', ...options }: ProvidersOptions = {},
) {
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <Provider store={store}>
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
    </Provider>
  );
  return { store, ...render(ui, { wrapper: Wrapper, ...options }) };
}

/** The editor with `design` loaded, as the editor page leaves it after reading a design. */
export function editing(design: DesignInput, id = 'd1', version = 1): { editor: EditorState } {
  return {
    editor: editorSlice.reducer(
      undefined,
      editorActions.designLoaded({ id, version, design: structuredClone(design) }),
    ),
  };
}
