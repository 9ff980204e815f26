# list and tuple dunders, called explicitly and through operators
l = [1, 2, 3]
print(l.__len__(), l.__getitem__(0), l.__getitem__(-1), l.__getitem__(slice(None, None, -1)), l.__contains__(2))
# expect: 3 1 3 [3, 2, 1] True
l.__setitem__(0, 10); l.__setitem__(slice(1, 2), [20, 21]); print(l)  # expect: [10, 20, 21, 3]
l.__delitem__(0); l.__delitem__(slice(0, 1)); print(l)  # expect: [21, 3]
print(list(l.__iter__()), list(l.__reversed__()), list(reversed(l)))  # expect: [21, 3] [3, 21] [3, 21]
print(l.__add__([9]), l.__mul__(2), l.__rmul__(0), [0].__mul__(-3), [0].__mul__(True))
# expect: [21, 3, 9] [21, 3, 21, 3] [] [] [0]
m = [1]; m2 = m.__iadd__((2, 3)); print(m, m2 is m)  # expect: [1, 2, 3] True
m.__imul__(2); print(m)  # expect: [1, 2, 3, 1, 2, 3]
m += range(2); print(m)  # expect: [1, 2, 3, 1, 2, 3, 0, 1]
m *= 0; print(m)  # expect: []
print([1, 2].__eq__([1, 2]), [1].__eq__((1,)), [1, 2].__lt__([1, 3]), [1].__ge__([1]), [2].__gt__([1, 5]), [].__le__(5))
# expect: True NotImplemented True True True NotImplemented
print([1, 2] < [1, 2, 0], [1, [2]] == [1, [2]], [1, 2] != [1, 2], [3] > [2, 9])  # expect: True True False True
t = (1, 2, 3, 2)
print(t.index(2), t.index(2, 2), t.count(2), t.__len__(), t.__getitem__(1), t.__getitem__(slice(1, 3)), t.__contains__(3))
# expect: 1 3 2 4 2 (2, 3) True
print(t.__add__((4,)), t.__mul__(2), t.__rmul__(1), t.__hash__() == hash(t), tuple.__len__(()))
# expect: (1, 2, 3, 2, 4) (1, 2, 3, 2, 1, 2, 3, 2) (1, 2, 3, 2) True 0
print(list(t.__iter__()), (1, 2).__lt__((1, 3)), (1,).__eq__((1,)), (1,).__eq__([1]), (1, 2) <= (1, 2))
# expect: [1, 2, 3, 2] True True NotImplemented True
print(tuple.count((1, 1), 1), () + (), (0,) * 3, (1,) * 0)  # expect: 2 () (0, 0, 0) ()
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))  # expect: 1 [2, 3] done
x = [1, 2]
for v in x:
    if len(x) < 5:
        x.append(v * 10)
print(x)  # expect: [1, 2, 10, 20, 100]
for bad in [lambda: (1,).index(5), lambda: (1,).count(), lambda: (1,)[5], lambda: [1][5], lambda: [1][str(0)], lambda: l.__add__((9,)), lambda: l.__mul__(1.5), lambda: (1,).__add__([2]),
            lambda: (1,).__setitem__, lambda: [1] + (1,), lambda: (1,) + [1], lambda: [1] * 1.5, lambda: 1.5 * [1],
            lambda: [] + 1, lambda: [].__len__(1), lambda: [1, 2, 3].__setitem__(slice(0, 3, 2), [1]), lambda: hash([1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: ValueError tuple.index(x): x not in tuple
        # expect: TypeError tuple.count() takes exactly one argument (0 given)
        # expect: IndexError tuple index out of range
        # expect: IndexError list index out of range
        # expect: TypeError list indices must be integers or slices, not str
        # expect: TypeError can only concatenate list (not "tuple") to list
        # expect: TypeError 'float' object cannot be interpreted as an integer
        # expect: TypeError can only concatenate tuple (not "list") to tuple
        # expect: AttributeError 'tuple' object has no attribute '__setitem__'
        # expect: TypeError can only concatenate list (not "tuple") to list
        # expect: TypeError can only concatenate tuple (not "list") to tuple
        # expect: TypeError can't multiply sequence by non-int of type 'float'
        # expect: TypeError can't multiply sequence by non-int of type 'float'
        # expect: TypeError can only concatenate list (not "int") to list
        # expect: TypeError expected 0 arguments, got 1
        # expect: ValueError attempt to assign sequence of size 1 to extended slice of size 2
        # expect: TypeError unhashable type: 'list'
