# case conversions and predicates
print("Hello World".upper(), "Hello World".lower(), "hello world".title(), "hELLO wORLD".swapcase())
# expect: HELLO WORLD hello world Hello World Hello World
print("they're bill's friends".title(), "hello2world x_y".title(), "ǆemal".title(), "ǆ".capitalize())
# expect: They'Re Bill'S Friends Hello2World X_Y ǅemal ǅ
print("hELLO wORLD".capitalize(), "".capitalize(), "ß".upper(), "ﬁ".upper(), "ΑΣ".lower(), "ΟΔΟΣ ΟΔΟΣ".lower())
# expect: Hello world  SS FI ας οδος οδος
print("Straße".casefold(), "ΣΑΣ".casefold(), "ǅ".lower(), "İ".lower() == "i\u0307", "ﬃ".casefold())
# expect: strasse σασ ǆ True ffi
print("123".isdigit(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "½".isdigit(), "一".isnumeric(), "".isdigit())
# expect: True True False True False True False
print("١٢٣".isdecimal(), "12a".isdecimal(), "Ⅷ".isnumeric(), "Ⅷ".isdigit())  # expect: True False True False
print("abc".isalpha(), "abç".isalpha(), "ab1".isalpha(), "ab1".isalnum(), "ab_".isalnum(), "".isalpha(), "日本".isalpha())
# expect: True True False True False False True
print(" \t\n".isspace(), "".isspace(), "\x1c\x1f\x85\xa0\u2000\u3000".isspace(), "\u200b".isspace(), " a".isspace())
# expect: True False True False False
print("ABC".isupper(), "ABc".isupper(), "A1!".isupper(), "123".isupper(), "ǅ".isupper(), "ǅ".islower())
# expect: True False True False False False
print("abc".islower(), "aBc".islower(), "a1!".islower(), "".islower(), "ß".islower())
# expect: True False True False True
print("Hello World".istitle(), "Hello world".istitle(), "HeLLo".istitle(), "A1 B2".istitle(), "".istitle(), "ǅemal".istitle())
# expect: True False False True False True
print("name".isidentifier(), "_x1".isidentifier(), "1x".isidentifier(), "a-b".isidentifier(), "".isidentifier(), "ñame".isidentifier(), "class".isidentifier())
# expect: True True False False False True True
print("abc".isascii(), "".isascii(), "é".isascii(), "ab\x7f".isascii())  # expect: True True False True
print("abc ".isprintable(), "a\nb".isprintable(), "".isprintable(), "é".isprintable(), "\x7f".isprintable())
# expect: True False True True False
for bad in [lambda: "a".upper(1), lambda: str.upper(5), lambda: str.lower(), lambda: "a".isdigit(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: TypeError str.upper() takes no arguments (1 given)
        # expect: TypeError descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
        # expect: TypeError unbound method str.lower() needs an argument
        # expect: TypeError str.isdigit() takes no arguments (1 given)
