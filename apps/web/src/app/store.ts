import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { faultlineApi } from '../api/faultline-api.ts';
import { editorSlice } from '../editor/editor-slice.ts';

const rootReducer = combineReducers({ editor: editorSlice.reducer, [faultlineApi.reducerPath]: faultlineApi.reducer });
export type RootState = ReturnType<typeof rootReducer>;

export function makeStore(preloadedState?: Partial<RootState>) {
  return configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefault) => getDefault().concat(faultlineApi.middleware),
  });
}
export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
