// unittest: TestCase (unittest_case.ts), skip decorators, and the loader/runner/main of
// unittest_runner.ts.
import type { Interpreter } from '../interpreter';
import { PyModule, PyValue } from '../objects';
import { setattr } from '../attrs';
import { truthy } from '../convert';
import { builtin, makeModule } from '../native';
import { SKIP_TEST, makeTestCase } from './unittest_case';
import { makeRunnerMembers } from './unittest_runner';

/** skip(reason) and friends: mark a test function or class with CPython's attributes. */
function markSkip(item: PyValue, reason: PyValue): PyValue {
  setattr(item, '__unittest_skip__', true);
  setattr(item, '__unittest_skip_why__', reason);
  return item;
}

function skipDecorator(reason: PyValue): PyValue {
  return builtin('decorator', (a) => markSkip(a[0], reason));
}

const identity = builtin('_id', (a) => a[0]);

/** The `unittest` module of one interpreter. */
export function makeUnittest(ip: Interpreter): PyModule {
  return makeModule('unittest', {
    TestCase: makeTestCase(ip), SkipTest: SKIP_TEST,
    skip: builtin('skip', (a) => (typeof a[0] === 'string' ? skipDecorator(a[0]) : markSkip(a[0], ''))),
    skipIf: builtin('skipIf', (a) => (truthy(a[0]) ? skipDecorator(a[1]) : identity)),
    skipUnless: builtin('skipUnless', (a) => (truthy(a[0]) ? identity : skipDecorator(a[1]))),
    expectedFailure: builtin('expectedFailure', (a) => { setattr(a[0], '__unittest_expecting_failure__', true); return a[0]; }),
    ...makeRunnerMembers(ip),
  });
}
