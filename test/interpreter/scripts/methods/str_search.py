# str.find / rfind / index / rindex / count / startswith / endswith / replace / strip
s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"))  # expect: 0 13 13 -1
print(s.find("o", 5, 8), s.find("o", -5), s.rfind("o", 0, 5), s.find("", 3), s.find("", 100))  # expect: 7 17 4 3 -1
print(s.index("world"), s.rindex("l"), s.count("l"), s.count("l", 5), s.count("l", 3, -3))  # expect: 6 16 5 3 2
print(s.count(""), "abc".count("", 1), "abc".count("", 5), "abc".count("", 2, 1), "aaaa".count("aa"))
# expect: 19 3 0 0 2
print("abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "abc".rfind("", 1, 2))  # expect: 3 -1 3 2
print("abc".find("c", None, None), "abc".find("a", -100, 100))  # expect: 2 0
print("😀x😀y".find("y"), "😀x😀y".rfind("😀"), "😀x😀y".index("x", 1), "😀x😀y".count("😀"))  # expect: 3 2 1 2
print("é🎉é".find("é", 1), "né🎉".rfind("🎉"))  # expect: 2 2
print(s.startswith("hello"), s.startswith("world", 6), s.startswith("world", 6, 8), s.startswith(("x", "he")))
# expect: True True False True
print(s.endswith("hello"), s.endswith(("a", "b")), s.endswith("world", 0, 11), s.endswith(""))
# expect: True False True True
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".startswith("a", -10))
# expect: True False True True
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0), "aaa".replace("a", "b", -1))
# expect: bbb bba aaa bbb
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "abab".replace("ab", ""))
# expect: -a-b-c- -a-bc x 
print("a😀b".replace("", "|"))  # expect: |a|😀|b|
print(repr("  \t hi \n ".strip()), repr(" hi ".lstrip()), repr(" hi ".rstrip()))  # expect: 'hi' 'hi ' ' hi'
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "xxhi".lstrip("x"), "hixx".rstrip("x"), "abc".strip(""))
# expect: hi hi hi hi abc
print(repr("\u3000\x85hi\xa0".strip()), repr("hi".strip(None)))  # expect: 'hi' 'hi'
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"), "abc".removesuffix(""))
# expect: name name abc abc
for bad in [lambda: s.index("zzz"), lambda: s.rindex("zzz"), lambda: s.find(1), lambda: s.count(None),
            lambda: s.startswith(1), lambda: s.startswith(("a", 1)), lambda: s.endswith(["a"]),
            lambda: s.find("a", "b"), lambda: s.find(), lambda: s.find("a", 1, 2, 3), lambda: s.find("a", x=1),
            lambda: "a".replace(1, "b"), lambda: "a".replace("a"), lambda: "a".replace("a", "b", "c"),
            lambda: "a".strip(1), lambda: "a".lstrip(1), lambda: "a".removeprefix(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: ValueError substring not found
        # expect: ValueError substring not found
        # expect: TypeError must be str, not int
        # expect: TypeError must be str, not NoneType
        # expect: TypeError startswith first arg must be str or a tuple of str, not int
        # expect: TypeError tuple for startswith must only contain str, not int
        # expect: TypeError endswith first arg must be str or a tuple of str, not list
        # expect: TypeError slice indices must be integers or None or have an __index__ method
        # expect: TypeError find() takes at least 1 argument (0 given)
        # expect: TypeError find() takes at most 3 arguments (4 given)
        # expect: TypeError str.find() takes no keyword arguments
        # expect: TypeError replace() argument 1 must be str, not int
        # expect: TypeError replace expected at least 2 arguments, got 1
        # expect: TypeError 'str' object cannot be interpreted as an integer
        # expect: TypeError strip arg must be None or str
        # expect: TypeError lstrip arg must be None or str
        # expect: TypeError removeprefix() argument must be str, not int
