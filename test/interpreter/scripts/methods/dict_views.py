# dict views: live, len, iteration, membership, reversed, repr, set operations
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)  # expect: dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)])
print(len(k), len(v), len(it), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it, "a" in it, ("a",) in it)
# expect: 3 3 3 True True True False False False
d["d"] = 4
print(k, len(v), list(it)[-1])  # expect: dict_keys(['a', 'b', 'c', 'd']) 4 ('d', 4)
del d["a"]
print(list(k), list(v), list(reversed(it)), list(reversed(k)), list(reversed(v)))
# expect: ['b', 'c', 'd'] [2, 3, 4] [('d', 4), ('c', 3), ('b', 2)] ['d', 'c', 'b'] [4, 3, 2]
print(sorted(k | {"z"}), sorted(k & {"b", "x"}), sorted(k - {"b"}), sorted(k ^ {"b", "y"}))
# expect: ['b', 'c', 'd', 'z'] ['b'] ['c', 'd'] ['c', 'd', 'y']
print(sorted(["b", "q"] - k), sorted({"c", "w"} & k), sorted(["x"] | k), sorted(k - ["c", "d"]))
# expect: ['q'] ['c'] ['b', 'c', 'd', 'x'] ['b']
print(sorted(it | {("z", 26)}), sorted(it & {("b", 2)}), sorted(it - {("b", 2)}))
# expect: [('b', 2), ('c', 3), ('d', 4), ('z', 26)] [('b', 2)] [('c', 3), ('d', 4)]
print(k == {"b", "c", "d"}, {"b", "c", "d"} == k, k == ["b", "c", "d"], k <= {"b", "c", "d", "e"}, k < {"b", "c", "d"})
# expect: True True False True False
print(k >= {"b"}, k > {"b"}, k != {"b"}, it == {("b", 2), ("c", 3), ("d", 4)}, v == v, v == d.values())
# expect: True True True True True False
print(k.isdisjoint(["x"]), k.isdisjoint("b"), it.isdisjoint([("b", 2)]))  # expect: True False False
print({}.keys(), {}.values(), {}.items(), bool({}.keys()), bool(d.keys()))
# expect: dict_keys([]) dict_values([]) dict_items([]) False True
print([x for x in d.items()], [a + str(b) for a, b in d.items()], {**d})
# expect: [('b', 2), ('c', 3), ('d', 4)] ['b2', 'c3', 'd4'] {'b': 2, 'c': 3, 'd': 4}
e = {1: "one"}
print(e.keys() | [2], list(e.values()), e.items())  # expect: {1, 2} ['one'] dict_items([(1, 'one')])
for bad in [lambda: hash(k), lambda: k < [1], lambda: k + k, lambda: v | v, lambda: d.values() - [1]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: TypeError unhashable type: 'dict_keys'
        # expect: TypeError '<' not supported between instances of 'dict_keys' and 'list'
        # expect: TypeError unsupported operand type(s) for +: 'dict_keys' and 'dict_keys'
        # expect: TypeError unsupported operand type(s) for |: 'dict_values' and 'dict_values'
        # expect: TypeError unsupported operand type(s) for -: 'dict_values' and 'list'
try:
    for key in d.keys():
        d[key * 2] = 0
except RuntimeError as e:
    print("RuntimeError", e)  # expect: RuntimeError dictionary changed size during iteration
