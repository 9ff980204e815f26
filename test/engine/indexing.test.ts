// Indexing against NumPy (ops-golden.json): basic indexing, integer arrays, boolean masks,
// mixed advanced/basic axis placement, item assignment, np.add.at, in-place ops with `out`,
// writes through views, and the errors NumPy raises for each.
import { describeGroups } from './ops_eval';

describeGroups('indexing: getitem', 'indexing');
describeGroups('indexing: setitem', 'setitem');
describeGroups('indexing: np.add.at', 'add_at');
describeGroups('indexing: in-place ops and out=', 'inplace');
describeGroups('indexing: views share memory', 'views');
