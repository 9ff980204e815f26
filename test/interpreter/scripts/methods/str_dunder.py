# str dunder methods, encode, maketrans/translate
s = "héllo"
print(s.__len__(), s.__getitem__(1), s.__getitem__(slice(1, 3)), s.__contains__("ll"), "x" in s)
# expect: 5 é él True False
print(s.__add__("!"), s.__mul__(2), s.__rmul__(2), "ab".__mul__(-1), "ab".__mul__(True))
# expect: héllo! héllohéllo héllohéllo  ab
print("ab".__eq__("ab"), "ab".__eq__(1), "ab".__ne__("ac"), "ab".__lt__("b"), "b".__ge__("a"), "a".__gt__(1))
# expect: True NotImplemented True True True NotImplemented
print("%d%%" .__mod__(5), "ab".__rmod__("x%s"), "ab".__rmod__(5), "x".__hash__() == hash("x"), "ab".__str__(), "ab".__repr__())
# expect: 5% xab NotImplemented True ab 'ab'
print(list("ab😀".__iter__()), "é".__format__(">3"), str.__len__("abc"), str.join(",", ["a", "b"]))
# expect: ['a', 'b', '😀']   é 3 a,b
print(s.encode(), s.encode("utf-8"), "abc".encode("ascii"), "é".encode("latin-1"), "😀".encode())
# expect: b'h\xc3\xa9llo' b'h\xc3\xa9llo' b'abc' b'\xe9' b'\xf0\x9f\x98\x80'
print("aé😀".encode("ascii", "replace"), "aé😀".encode("ascii", errors="ignore"), len("😀".encode("utf-8")))
# expect: b'a??' b'a' 4
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd".translate(t))  # expect: [(97, 120), (98, 121), (99, 122), (100, None)] xyz
print("hello".translate({ord("l"): None, ord("h"): "J"}), "abc".translate(str.maketrans({"a": "1", "b": None})))
# expect: Jeo 1c
print(len("😀😀"), "😀😀"[1], "a😀b"[-1], "a😀b"[::-1], "a😀b"[1:])  # expect: 2 😀 b b😀a 😀b

class Upper(str):
    pass

for bad in [lambda: "é".encode("ascii"), lambda: "\ud800".encode(), lambda: "a".encode("nope"),
            lambda: "ab".__add__(), lambda: str.__add__(1, "a"), lambda: "a".__format__(1),
            lambda: "ab"[5], lambda: "ab"[str(1)], lambda: s.__add__(1), lambda: s.__mul__(1.5), lambda: s.__rmul__("x"), lambda: 1 in "abc", lambda: "a" + 1, lambda: "a" * "b",
            lambda: "a" * 1.5, lambda: str.maketrans("ab", "c")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: UnicodeEncodeError 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
        # expect: UnicodeEncodeError 'utf-8' codec can't encode character '\ud800' in position 0: surrogates not allowed
        # expect: LookupError unknown encoding: nope
        # expect: TypeError expected 1 argument, got 0
        # expect: TypeError descriptor '__add__' requires a 'str' object but received a 'int'
        # expect: TypeError __format__() argument must be str, not int
        # expect: IndexError string index out of range
        # expect: TypeError string indices must be integers, not 'str'
        # expect: TypeError can only concatenate str (not "int") to str
        # expect: TypeError 'float' object cannot be interpreted as an integer
        # expect: TypeError 'str' object cannot be interpreted as an integer
        # expect: TypeError 'in <string>' requires string as left operand, not int
        # expect: TypeError can only concatenate str (not "int") to str
        # expect: TypeError can't multiply sequence by non-int of type 'str'
        # expect: TypeError can't multiply sequence by non-int of type 'float'
        # expect: ValueError the first two maketrans arguments must have equal length
