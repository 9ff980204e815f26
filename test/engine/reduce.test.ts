// Reductions against NumPy (ops-golden.json), bit-exact: sum mean max min prod var any all
// argmax argmin over axis None/int/negative/tuple with keepdims, on contiguous, transposed and
// sliced inputs; and NumPy's pairwise summation order for float32/float64 rows of length 7 to
// 100000 along the last axis, axis 0 and all axes.
import { describeGroups } from './ops_eval';

describeGroups('reduce: axis and keepdims', 'reduce');
describeGroups('reduce: pairwise summation order', 'pairwise');
