import type { RemovalNotice } from './editor-state.ts';

const counted = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);

/** "also removes 1 fault, 1 connection, 4 policies": what a delete took beyond the selection. */
export function describeRemoval(removal: RemovalNotice): string {
  const parts = [
    ...counted(removal.faults, 'fault', 'faults'),
    ...counted(removal.connections, 'connection', 'connections'),
    ...counted(removal.policies, 'policy', 'policies'),
  ];
  return `also removes ${parts.join(', ')}`;
}
