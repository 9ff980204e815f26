// Methods of the built-in types (str, list, tuple, dict, set, int, float, bytes, range, slice,
// iterators, generators, object): scripts whose `# expect:` comments hold CPython 3.11's output
// (check them with scripts/check_with_cpython.py).

import { join } from 'node:path';
import { runExpectScripts } from './expect_runner';

runExpectScripts(join(__dirname, 'scripts', 'methods'), { title: 'built-in type methods (scripts)' });
