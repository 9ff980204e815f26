// DeZero scripts written the way its users write them (scripts/dezero): custom Functions,
// operator overloading, models, training loops, double backprop, configs, generators,
// exceptions, datasets, graphs and weights. Their `# expect:` lines were established by
// reasoning and checked with CPython + NumPy (scripts/dezero/check_numpy.py, formulas) and
// with CPython + the reference DeZero of scripts/yardstick_ref (check_with_ref.py).
import { join } from 'node:path';
import { runExpectScripts } from './expect_runner';

runExpectScripts(join(__dirname, 'scripts', 'dezero'), { title: 'dezero scripts', filter: /^(?!check_).*\.py$/ });
