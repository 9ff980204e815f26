// Element-wise ufuncs against NumPy (ops-golden.json): every dtype pair, weak Python scalars on
// either side, broadcasting, floor_divide/remainder/power edge cases, unary math, where/clip.
// Bit-exact, except transcendental functions (exp, log, sin, power, arctan2, …): ≤ 1 ulp in
// float64 and in float32.
import { describeGroups } from './ops_eval';

describeGroups('ufunc: binary over dtype pairs', 'binary');
describeGroups('ufunc: weak Python scalars and 0-d arrays', 'weak');
describeGroups('ufunc: broadcasting', 'broadcast');
describeGroups('ufunc: floor_divide, remainder, power', 'divmod');
describeGroups('ufunc: unary', 'unary');
describeGroups('ufunc: where and clip', 'where');
