# unittest: TestLoader, TestSuite and TextTestRunner; main(exit=False) returns the program and its result.
import unittest


class T(unittest.TestCase):
    def test_ok(self):
        """Adds numbers."""
        self.assertEqual(1 + 1, 2)

    def test_bad(self):
        self.assertTrue(0)

    @unittest.skipIf(True, 'skipped here')
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_unexpected(self):
        pass


names = unittest.TestLoader().getTestCaseNames(T)
print(names)  # expect: ['test_bad', 'test_ok', 'test_skip', 'test_unexpected']
suite = unittest.TestLoader().loadTestsFromTestCase(T)
print(suite.countTestCases())  # expect: 4
result = unittest.TextTestRunner(verbosity=2).run(suite)
print(result.wasSuccessful(), result.testsRun, len(result.failures), len(result.errors), len(result.skipped))
# expect: False 4 1 0 1
print(result.skipped[0][1], len(result.unexpectedSuccesses))  # expect: skipped here 1
prog = unittest.main(exit=False, verbosity=0)
print(prog.result.testsRun, prog.result.wasSuccessful())  # expect: 4 False
try:
    unittest.main()
except SystemExit as e:
    print('SystemExit', e.code)  # expect: SystemExit True
print(repr(T('test_ok')), T('test_ok').shortDescription())  # expect: <__main__.T testMethod=test_ok> Adds numbers.
try:
    T('nope')
except ValueError as e:
    print('ValueError:', e)  # expect: ValueError: no such test method in <class '__main__.T'>: nope
# expect-stderr: test_bad (__main__.T.test_bad) ... FAIL
# expect-stderr: test_ok (__main__.T.test_ok)
# expect-stderr: Adds numbers. ... ok
# expect-stderr: test_skip (__main__.T.test_skip) ... skipped 'skipped here'
# expect-stderr: test_unexpected (__main__.T.test_unexpected) ... unexpected success
# expect-stderr: UNEXPECTED SUCCESS: test_unexpected (__main__.T.test_unexpected)
# expect-stderr: FAILED (failures=1, skipped=1, unexpected successes=1)
