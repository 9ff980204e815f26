# unittest: a passing suite; main() runs test_* methods in sorted order and exits with status 0.
import unittest


class TestArith(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('setUpClass')

    def setUp(self):
        self.data = [3, 1, 2]
        print('setUp', self._testMethodName)

    def tearDown(self):
        print('tearDown')

    def test_equal(self):
        self.assertEqual(sorted(self.data), [1, 2, 3])
        self.assertNotEqual(self.data, [1, 2, 3])

    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)

    def test_bools_and_membership(self):
        self.assertTrue([0])
        self.assertFalse('')
        self.assertIn(2, self.data)
        self.assertNotIn(5, self.data)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIs(self.data, self.data)
        self.assertIsInstance(1.5, (int, float))
        self.assertGreater(2, 1)
        self.assertLessEqual(1, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex('abc123', r'\d+')

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print(type(cm.exception).__name__, cm.exception)
        self.assertRaises(KeyError, lambda: {}['x'])
        with self.assertRaisesRegex(ValueError, 'bad'):
            raise ValueError('a bad value')
        with self.assertRaises(AssertionError):
            self.assertEqual(1, 2)

    def test_fail_message(self):
        try:
            self.assertEqual([1, 2], [1, 3], 'lists')
        except AssertionError as e:
            print(str(e).splitlines()[0])
        try:
            self.assertAlmostEqual(1.0, 1.1)
        except AssertionError as e:
            print(e)

    @unittest.skip('not today')
    def test_skipped(self):
        raise RuntimeError('never runs')

    def helper(self):
        return 'not a test'


class TestOther(unittest.TestCase):
    def test_one(self):
        self.assertEqual(str(self), 'test_one (__main__.TestOther.test_one)')
        self.assertEqual(self.id(), '__main__.TestOther.test_one')


if __name__ == '__main__':
    unittest.main()

# expect: setUpClass
# expect: setUp test_almost
# expect: tearDown
# expect: setUp test_bools_and_membership
# expect: tearDown
# expect: setUp test_equal
# expect: tearDown
# expect: setUp test_fail_message
# expect: Lists differ: [1, 2] != [1, 3]
# expect: 1.0 != 1.1 within 7 places (0.10000000000000009 difference)
# expect: tearDown
# expect: setUp test_raises
# expect: ZeroDivisionError division by zero
# expect: tearDown
# expect-stderr: .....s.
# expect-stderr: Ran 7 tests in
# expect-stderr: OK (skipped=1)
