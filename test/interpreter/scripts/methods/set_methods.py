# set and frozenset methods and operators (results sorted where CPython's order is by hash)
s = {1, 2, 3}
s.add(4); s.add(1); s.discard(10); s.discard(4); s.remove(3); print(s)  # expect: {1, 2}
print(s.pop() in {1, 2}, len(s))  # expect: True 1
s.clear(); print(s, len(s))  # expect: set() 0
a, b = {1, 2, 3}, {3, 4}
print(sorted(a.union(b)), sorted(a.union(b, [9], "x"[:0])), sorted(a.intersection(b)), sorted(a.intersection(b, {4})))
# expect: [1, 2, 3, 4] [1, 2, 3, 4, 9] [3] []
print(sorted(a.difference(b)), sorted(a.difference(b, {1})), sorted(a.symmetric_difference(b)), sorted(a.symmetric_difference([3, 7])))
# expect: [1, 2] [2] [1, 2, 4] [1, 2, 7]
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), sorted(b - a))
# expect: [1, 2, 3, 4] [3] [1, 2] [1, 2, 4] [4]
print(a.issubset({1, 2, 3, 4}), a.issubset([1, 2]), a.issuperset([1]), a.issuperset({5}), a.isdisjoint(b), a.isdisjoint([7, 8]))
# expect: True False True False False True
print(a <= {1, 2, 3}, a < {1, 2, 3}, a < {1, 2, 3, 4}, a >= {1}, a > a, a == {3, 2, 1}, a != {1}, a == frozenset(a))
# expect: True False True True False True True True
c = set(a); c.update([5], {6}); print(sorted(c))  # expect: [1, 2, 3, 5, 6]
c.intersection_update({1, 5, 6, 9}); print(sorted(c))  # expect: [1, 5, 6]
c.difference_update([1], [5]); print(sorted(c))  # expect: [6]
c.symmetric_difference_update({6, 7}); print(sorted(c))  # expect: [7]
c |= {8}; c &= {7, 8, 9}; print(sorted(c))  # expect: [7, 8]
c -= {7}; c ^= {8, 11}; print(sorted(c))  # expect: [11]
f = frozenset([1, 2])
print(f, type(f | {3}).__name__, sorted(f | {3}), type({3} | f).__name__, type(f.union([3])).__name__, f.copy() is f)
# expect: frozenset({1, 2}) frozenset [1, 2, 3] set frozenset True
print(sorted(f & {2, 5}), sorted(f - {1}), sorted(f ^ {2, 3}), f.issubset({1, 2}), hash(f) == hash(frozenset({2, 1})))
# expect: [2] [2] [1, 3] True True
print({f: "frozen"}[frozenset([2, 1])], frozenset() == set(), {frozenset({1})} == {frozenset([1])})
# expect: frozen True True
print({1, 2} in {frozenset({1, 2})}, set(), frozenset(), set("aa"), bool(set()), len({1, 1.0, True}))
# expect: True set() frozenset() {'a'} False 1
print(s.__len__(), a.__contains__(1), sorted(a.__or__(b)), a.__or__([1]), sorted(a.__and__(b)), a.__sub__(1))
# expect: 0 True [1, 2, 3, 4] NotImplemented [3] NotImplemented
print(sorted(a.__rsub__({1, 9})), a.__le__({1, 2, 3}), a.__lt__([1]), sorted(list(a.__iter__())))
# expect: [9] True NotImplemented [1, 2, 3]
x = {1, 2}; y = x; x |= {3}; print(y is x, sorted(y))  # expect: True [1, 2, 3]
for bad in [lambda: set().remove(1), lambda: set().pop(), lambda: {1}.remove([1]), lambda: set().add([]),
            lambda: {1} | [2], lambda: {1} - [2], lambda: {1} < [1], lambda: f.add(1), lambda: hash({1}),
            lambda: {1}.symmetric_difference(), lambda: set().add(), lambda: {1}.update(5), lambda: {[1]},
            lambda: {1}.issubset(1), lambda: set.add(frozenset(), 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: KeyError 1
        # expect: KeyError 'pop from an empty set'
        # expect: TypeError unhashable type: 'list'
        # expect: TypeError unhashable type: 'list'
        # expect: TypeError unsupported operand type(s) for |: 'set' and 'list'
        # expect: TypeError unsupported operand type(s) for -: 'set' and 'list'
        # expect: TypeError '<' not supported between instances of 'set' and 'list'
        # expect: AttributeError 'frozenset' object has no attribute 'add'
        # expect: TypeError unhashable type: 'set'
        # expect: TypeError set.symmetric_difference() takes exactly one argument (0 given)
        # expect: TypeError set.add() takes exactly one argument (0 given)
        # expect: TypeError 'int' object is not iterable
        # expect: TypeError unhashable type: 'list'
        # expect: TypeError 'int' object is not iterable
        # expect: TypeError descriptor 'add' for 'set' objects doesn't apply to a 'frozenset' object
try:
    for v in a:
        a.add(v + 10)
except RuntimeError as e:
    print("RuntimeError", e)  # expect: RuntimeError Set changed size during iteration
