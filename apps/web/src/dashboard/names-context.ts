import { createContext, useContext } from 'react';
import { namesOf, type Names } from './names.ts';

/** The names of the run being shown, for every part of its dashboard; ids until they are known. */
export const NamesContext = createContext<Names>(namesOf(undefined));
export const useNames = () => useContext(NamesContext);
