# str.split / rsplit / join / splitlines / partition
print("a,b,,c".split(","))  # expect: ['a', 'b', '', 'c']
print("a,b,,c".split(",", 1))  # expect: ['a', 'b,,c']
print("a,b,,c".rsplit(",", 1))  # expect: ['a,b,', 'c']
print("a,b,,c".split(",", maxsplit=2))  # expect: ['a', 'b', ',c']
print("a,b,,c".rsplit(sep=",", maxsplit=2))  # expect: ['a,b', '', 'c']
print("  hello   world  ".split())  # expect: ['hello', 'world']
print("  hello   world  ".split(None, 1))  # expect: ['hello', 'world  ']
print("  hello   world  ".rsplit(None, 1))  # expect: ['  hello', 'world']
print("  a b c  ".split(maxsplit=0))  # expect: ['a b c  ']
print("  a b c  ".rsplit(maxsplit=0))  # expect: ['  a b c']
print("".split(), "".split(","), "   ".split())  # expect: [] [''] []
print("a\tb\nc\x0bd\x0ce\rf\x1cg\x85h\u3000i".split())  # expect: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
print("aaa".split("aa"), "aaa".rsplit("aa"))  # expect: ['', 'a'] ['a', '']
print("x--y--z".split("--"), "x--y--z".rsplit("--", 1))  # expect: ['x', 'y', 'z'] ['x--y', 'z']
print("1 2 3".split(" ", -1))  # expect: ['1', '2', '3']
print("ünï cödé".split(" "))  # expect: ['ünï', 'cödé']
print("😀a😀b".split("a"), "😀a😀b".rsplit("😀"))  # expect: ['😀', '😀b'] ['', 'a', 'b']
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))  # expect: a-b-c  x, y, z
print(" ".join(str(i) for i in range(4)))  # expect: 0 1 2 3
print("|".join({"k1": 1, "k2": 2}))  # expect: k1|k2
print("ab\ncd\r\nef\rgh".splitlines())  # expect: ['ab', 'cd', 'ef', 'gh']
print("ab\ncd\r\nef\rgh\n".splitlines(True))  # expect: ['ab\n', 'cd\r\n', 'ef\r', 'gh\n']
print("ab\ncd\n\n".splitlines(), "".splitlines(), "\n".splitlines())  # expect: ['ab', 'cd', ''] [] ['']
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
# expect: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
print("x".splitlines(keepends=True))  # expect: ['x']
print("key=value=x".partition("="), "key=value=x".rpartition("="))
# expect: ('key', '=', 'value=x') ('key=value', '=', 'x')
print("abc".partition("z"), "abc".rpartition("z"))  # expect: ('abc', '', '') ('', '', 'abc')
print("abc".partition("abc"), "abc".rpartition("a"))  # expect: ('', 'abc', '') ('', 'a', 'bc')
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1), lambda: "a".partition(""),
            lambda: "a".partition(1), lambda: "-".join([1, 2]), lambda: "-".join(["a", None]),
            lambda: "a".split(",", 1, 2), lambda: "-".join(5), lambda: "a".split(",", "1")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: ValueError empty separator
        # expect: ValueError empty separator
        # expect: TypeError must be str or None, not int
        # expect: ValueError empty separator
        # expect: TypeError must be str, not int
        # expect: TypeError sequence item 0: expected str instance, int found
        # expect: TypeError sequence item 1: expected str instance, NoneType found
        # expect: TypeError split() takes at most 2 arguments (3 given)
        # expect: TypeError can only join an iterable
        # expect: TypeError 'str' object cannot be interpreted as an integer
