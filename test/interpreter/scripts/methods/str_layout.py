# padding, zfill, center, expandtabs
print(repr("ab".ljust(5)), repr("ab".rjust(5, "*")), repr("ab".center(6, "-")), repr("ab".center(5)), repr("abc".center(6)))
# expect: 'ab   ' '***ab' '--ab--' '  ab ' ' abc  '
print(repr("a".center(4)), repr("a".center(2)), repr("ab".center(7, "x")), repr("abc".center(2)), repr("é".center(4, "·")))
# expect: ' a  ' 'a ' 'xxxabxx' 'abc' '·é··'
print(repr("abc".ljust(-1)), repr("abc".rjust(3)), repr("😀".rjust(3, "!")))  # expect: 'abc' 'abc' '!!😀'
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3), "3.14".zfill(8))
# expect: 00042 -0042 +0042 abc 000 -00 00003.14
print(repr("a\tb".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc\n\td".expandtabs(3)), repr("\t".expandtabs(0)))
# expect: 'a       b' 'a   b' 'ab c\n   d' ''
print(repr("12345\t|".expandtabs(tabsize=2)), repr("a\r\tb".expandtabs(4)))  # expect: '12345 |' 'a\r    b'
print("%-6s|%6.2f|%03d|%x|%r" % ("ab", 3.14159, 7, 255, "q"))  # expect: ab    |  3.14|007|ff|'q'
for bad in [lambda: "a".center(5, "ab"), lambda: "a".ljust(5, 1), lambda: "a".rjust(), lambda: "a".zfill("3"),
            lambda: "a".center(2.5), lambda: "a".zfill()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: TypeError The fill character must be exactly one character long
        # expect: TypeError The fill character must be a unicode character, not int
        # expect: TypeError rjust expected at least 1 argument, got 0
        # expect: TypeError 'str' object cannot be interpreted as an integer
        # expect: TypeError 'float' object cannot be interpreted as an integer
        # expect: TypeError str.zfill() takes exactly one argument (0 given)
