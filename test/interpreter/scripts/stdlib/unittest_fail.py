# unittest: failures and errors are reported on stderr as CPython does; the exit status is 1.
import unittest


class TestReport(unittest.TestCase):
    def test_a_pass(self):
        self.assertTrue(True)

    def test_b_fail(self):
        self.assertEqual(1 + 1, 3)

    def test_c_error(self):
        raise ValueError('boom')

    def test_d_custom(self):
        self.assertEqual('a', 'b', 'custom message')

    @unittest.expectedFailure
    def test_e_expected(self):
        self.assertEqual(1, 2)

    def test_f_not_raised(self):
        with self.assertRaises(KeyError):
            pass


print('running')  # expect: running
unittest.main()
# expect-stderr: .FEFxF
# expect-stderr: ERROR: test_c_error (__main__.TestReport.test_c_error)
# expect-stderr: Traceback (most recent call last):
# expect-stderr: ValueError: boom
# expect-stderr: FAIL: test_b_fail (__main__.TestReport.test_b_fail)
# expect-stderr: AssertionError: 2 != 3
# expect-stderr: FAIL: test_d_custom (__main__.TestReport.test_d_custom)
# expect-stderr: AssertionError: 'a' != 'b'
# expect-stderr: FAIL: test_f_not_raised (__main__.TestReport.test_f_not_raised)
# expect-stderr: AssertionError: KeyError not raised
# expect-stderr: Ran 6 tests in
# expect-stderr: FAILED (failures=3, errors=1, expected failures=1)
# expect-exit: 1
