# dict methods
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
# expect: 1 None 0 3 1 {'a': 1, 'b': 2, 'c': 3}
print(d.setdefault("n"), d)  # expect: None {'a': 1, 'b': 2, 'c': 3, 'n': None}
print(d.pop("n"), d.pop("zz", "dflt"), d)  # expect: None dflt {'a': 1, 'b': 2, 'c': 3}
print(d.popitem(), d)  # expect: ('c', 3) {'a': 1, 'b': 2}
d.update({"x": 9}); d.update([("y", 8), ["z", 7]]); d.update(w=6); d.update({"a": 0}, a=-1); print(d)
# expect: {'a': -1, 'b': 2, 'x': 9, 'y': 8, 'z': 7, 'w': 6}
d.update(); d.update(()); print(d)  # expect: {'a': -1, 'b': 2, 'x': 9, 'y': 8, 'z': 7, 'w': 6}
class Mapping:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
d.update(Mapping()); print(d)  # expect: {'a': -1, 'b': 2, 'x': 9, 'y': 8, 'z': 7, 'w': 6, 'k1': 'K1', 'k2': 'K2'}
c = d.copy(); c["new"] = 1; print(len(d), len(c), "new" in d)  # expect: 8 9 False
c.clear(); print(c)  # expect: {}
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), dict.fromkeys([]), {}.fromkeys((1, 2), []))
# expect: {'a': None, 'b': None, 'c': None} {'x': 0, 'y': 0} {} {1: [], 2: []}
x = {1: "int"}; x[1.0] = "float"; x[True] = "bool"; print(x)  # expect: {1: 'bool'}
e = {}; e[(1, 2)] = "t"; e[None] = "n"; e[frozenset([1])] = "f"; print(e[(1, 2)], e[None], e[frozenset([1])])
# expect: t n f
m1 = {"a": 1, "b": 2}; m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1, m1)  # expect: {'a': 1, 'b': 3, 'c': 4} {'b': 2, 'c': 4, 'a': 1} {'a': 1, 'b': 2}
m1 |= m2; print(m1)  # expect: {'a': 1, 'b': 3, 'c': 4}
m1 |= [("z", 0)]; print(m1)  # expect: {'a': 1, 'b': 3, 'c': 4, 'z': 0}
print(d.__len__(), d.__getitem__("a"), d.__contains__("a"), "a" in d, d.__eq__(dict(d)), d.__eq__([]), d.__ne__({}))
# expect: 8 -1 True True True NotImplemented True
d.__setitem__("q", 1); d.__delitem__("q"); print("q" in d, list(d.__iter__())[:3], list(d.__reversed__())[:2])
# expect: False ['a', 'b', 'x'] ['k2', 'k1']
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {"a": [1]} == {"a": [1]}, dict(a=1) == {"a": 1})
# expect: True True True True
print(list(reversed({"x": 1, "y": 2})), len({}), bool({}), bool({0: 0}))  # expect: ['y', 'x'] 0 False True
o = {"first": 1, "second": 2, "third": 3}
del o["second"]; o["second"] = 2; print(list(o), o.popitem())  # expect: ['first', 'third', 'second'] ('second', 2)
s = {}
for k in "hello":
    s[k] = s.get(k, 0) + 1
print(s)  # expect: {'h': 1, 'e': 1, 'l': 2, 'o': 1}
for bad in [lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {}["missing"], lambda: {}.get(), lambda: {}.pop(),
            lambda: {}.update(1), lambda: {}.update([1]), lambda: {}.update([(1, 2, 3)]), lambda: {}.update({}, {}),
            lambda: {[1]: 2}, lambda: {}.setdefault([], 1), lambda: {1: 2} | [(3, 4)], lambda: {}.__delitem__("x"),
            lambda: dict.fromkeys(), lambda: {}.keys(1), lambda: {(1,): 2}[(1, [2])], lambda: dict([(1,)])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: KeyError 'k'
        # expect: KeyError 'popitem(): dictionary is empty'
        # expect: KeyError 'missing'
        # expect: TypeError get expected at least 1 argument, got 0
        # expect: TypeError pop expected at least 1 argument, got 0
        # expect: TypeError 'int' object is not iterable
        # expect: TypeError cannot convert dictionary update sequence element #0 to a sequence
        # expect: ValueError dictionary update sequence element #0 has length 3; 2 is required
        # expect: TypeError update expected at most 1 argument, got 2
        # expect: TypeError unhashable type: 'list'
        # expect: TypeError unhashable type: 'list'
        # expect: TypeError unsupported operand type(s) for |: 'dict' and 'list'
        # expect: KeyError 'x'
        # expect: TypeError fromkeys expected at least 1 argument, got 0
        # expect: TypeError dict.keys() takes no arguments (1 given)
        # expect: TypeError unhashable type: 'list'
        # expect: ValueError dictionary update sequence element #0 has length 1; 2 is required
try:
    for k in s:
        s[k + k] = 1
except RuntimeError as e:
    print("RuntimeError", e)  # expect: RuntimeError dictionary changed size during iteration
