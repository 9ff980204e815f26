# range and slice
r = range(2, 20, 3)
print(r, r.start, r.stop, r.step, len(r), r[0], r[-1], r[1:3], r[::-1], r[::2], list(r[10:]))
# expect: range(2, 20, 3) 2 20 3 6 2 17 range(5, 11, 3) range(17, -1, -3) range(2, 20, 6) []
print(r.index(5), r.count(5), r.count(6), r.count(5.0), r.index(8.0), 5 in r, 6 in r, 5.0 in r, "x" in r)
# expect: 1 1 0 1 2 True False True False
print(r.__len__(), r.__getitem__(2), r.__contains__(8), list(r.__iter__()), list(r.__reversed__()), list(reversed(range(3))))
# expect: 6 8 True [2, 5, 8, 11, 14, 17] [17, 14, 11, 8, 5, 2] [2, 1, 0]
print(range(5), range(0, 5), range(0, 5, 1), range(5, 0, -1), list(range(5, 0, -2)), list(range(0)), range(1, 2).__bool__())
# expect: range(0, 5) range(0, 5) range(0, 5) range(5, 0, -1) [5, 3, 1] [] True
print(range(0) == range(3, 3), range(0, 3) == range(3), range(0, 1, 2) == range(0, 1, 5), range(1, 5, 2) == range(1, 6, 2), range(2) != range(3))
# expect: True True True False True
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 2, 9)), range(3) == [0, 1, 2], bool(range(0)))
# expect: True True False False
print(list(range(-3)), list(range(10, 0, -3)), range(10)[-3], range(-5, 5)[3:-3], len(range(0, 10**6, 7)))
# expect: [] [10, 7, 4, 1] 7 range(-2, 2) 142858
print(sum(range(101)), max(range(7)), sorted(range(3), reverse=True), list(enumerate(range(2), 5)))
# expect: 5050 6 [2, 1, 0] [(5, 0), (6, 1)]
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(5).start, slice(None, None, -1).step)
# expect: slice(1, 10, 2) 1 10 2 slice(None, 5, None) None -1
print(s.indices(5), slice(None).indices(10), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(-100, 100, 3).indices(7))
# expect: (1, 5, 2) (0, 10, 1) (4, -1, -1) (7, 10, 1) (0, 7, 3)
print(slice(2, -2).indices(3), slice(5, 1, -1).indices(4), "abcdef"[slice(1, None, 2)], [1, 2, 3, 4][slice(-2, None)])
# expect: (2, 1, 1) (3, 1, -1) bdf [3, 4]
for bad in [lambda: r.index(6), lambda: r.index("x"), lambda: r[100], lambda: range(1, 2, 0), lambda: range(1.5),
            lambda: slice(1).indices(-1), lambda: slice(0, 1, 0).indices(3), lambda: slice("a").indices(3), lambda: r["a"],
            lambda: range(3).count()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
        # expect: ValueError 6 is not in range
        # expect: ValueError sequence.index(x): x not in sequence
        # expect: IndexError range object index out of range
        # expect: ValueError range() arg 3 must not be zero
        # expect: TypeError 'float' object cannot be interpreted as an integer
        # expect: ValueError length should not be negative
        # expect: ValueError slice step cannot be zero
        # expect: TypeError slice indices must be integers or None or have an __index__ method
        # expect: TypeError range indices must be integers or slices, not str
        # expect: TypeError range.count() takes exactly one argument (0 given)
