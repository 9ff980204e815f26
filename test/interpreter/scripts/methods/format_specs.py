# format specs through format(), str.format and %: zero padding, grouping, prefixes, alignment
print(format(1234, "010,"), format(-1234.5, "012,.2f"), format(1234, "08_"), format(255, "010_x"), format(1234, "#010_x"))
# expect: 00,001,234 -0,001,234.50 0_001_234 0_0000_00ff 0x000_04d2
print(format(1234, "0=10,"), format(1234, "^010,"), format(-1234.5, "=+10,"), format(255, "#010b"), format(255, "#06X"))
# expect: 00,001,234 001,234000 -  1,234.5 0b11111111 0X00FF
print("{:<010}|{:>010}|{:^010}|{:*<010}".format(12, -12, 12, 7))  # expect: 1200000000|0000000-12|0000120000|7*********
print(format(65, "5c"), format(65, "<3c"), format("ab", "05"), format("ab", "*^6"), format(True, "^5"), format(True, "d"))
# expect:     A A   ab000 **ab**   1   1
print(format(0xdeadbeef, "_x"), format(10, "#_b"), format(-8, "o"), format(255, "#X"), format(True, "x"))
# expect: dead_beef 0b1010 -10 0XFF 1
print(format(0, "e"), format(0.0, "g"), format(12345, ".0e"), format(1.0, "#.0f"), format(1.0, "#g"), format(1e-5, ".3g"))
# expect: 0.000000e+00 0 1e+04 1. 1.00000 1e-05
print(format(-1234.5, "10.3e"), format(-1.5, "010"), format(-1.5, "=10"), format(0.0, "+"), format(-0.0, "+"), format(5, " "))
# expect: -1.234e+03 -0000001.5 -      1.5 +0.0 -0.0  5
print(format(0.05, ".1f"), format(0.15, ".1f"), format(0.25, ".1f"), format(2.675, ".2f"), format(0.1, ".20f"))
# expect: 0.1 0.1 0.2 2.67 0.10000000000000000555
print(format(1234.5, ".3"), format(0.0001234, ".3"), format(1e22, ""), format(1e-5, ""), format(1e16, ".5"))
# expect: 1.23e+03 0.000123 1e+22 1e-05 1e+16
print(format(float("nan"), "+.2f"), format(float("inf"), "08.2f"), format(float("-inf"), "e"), format(5, "%"), format(12, "_o"))
# expect: +nan 00000inf -inf 500.000000% 14
print(format(1234.5678, ",.2f"), format(-0.0, ".1f"), format(123456789, "e"), format(0.000001, "g"), format(1e100, "f")[:12])
# expect: 1,234.57 -0.0 1.234568e+08 1e-06 100000000000
print("%5.1f|%-6.2e|%+g|%#x|%#o|%05d|%-5d|%x|%c" % (2.25, 1234.5, 0.5, 255, 8, -42, 7, 3.0 if False else 10, 97))
# expect:   2.2|1.23e+03|+0.5|0xff|0o10|-0042|7    |a|a
print("%.3s|%r|%a|%(k)s" % ("abcdef", "é", "é", {"k": 1}) if False else "%.3s|%r|%a" % ("abcdef", "é", "é"))
# expect: abc|'é'|'\xe9'
print("%(a)s-%(b)r" % {"a": 1, "b": "x"}, "%i %u %d" % (3.7, -2, True), "%%|%s" % ((1, 2),))
# expect: 1-'x' 3 -2 1 %|(1, 2)


def attempt(spec, value):
    try:
        print(repr(format(value, spec)))
    except Exception as e:
        print(spec, type(e).__name__, e)


for spec, value in [(",n", 5), ("_n", 5.5), (",b", 5), ("_c", 5), (",x", 5), ("+c", 65), ("abc", 1), ("abc", 1.5),
                    ("abc", "s"), ("+5", "ab"), ("#5", "ab"), ("0=5", "ab"), (",s", "ab"), ("d", 1.5), ("s", True),
                    ("x", None), ("5", None), (".2d", 5), ("z", 1), ("zs", "a"), ("z.2f", -0.0001),
                    ("z.0f", -0.4), ("+z.1f", -0.01), ("z.1%", -0.0001), ("z.2f", -1.5), ("zg", -0.0)]:
    attempt(spec, value)
    # expect: ,n ValueError Cannot specify ',' with 'n'.
    # expect: _n ValueError Cannot specify '_' with 'n'.
    # expect: ,b ValueError Cannot specify ',' with 'b'.
    # expect: _c ValueError Cannot specify '_' with 'c'.
    # expect: ,x ValueError Cannot specify ',' with 'x'.
    # expect: +c ValueError Sign not allowed with integer format specifier 'c'
    # expect: abc ValueError Invalid format specifier 'abc' for object of type 'int'
    # expect: abc ValueError Invalid format specifier 'abc' for object of type 'float'
    # expect: abc ValueError Invalid format specifier 'abc' for object of type 'str'
    # expect: +5 ValueError Sign not allowed in string format specifier
    # expect: #5 ValueError Alternate form (#) not allowed in string format specifier
    # expect: 0=5 ValueError '=' alignment not allowed in string format specifier
    # expect: ,s ValueError Cannot specify ',' with 's'.
    # expect: d ValueError Unknown format code 'd' for object of type 'float'
    # expect: s ValueError Unknown format code 's' for object of type 'bool'
    # expect: x TypeError unsupported format string passed to NoneType.__format__
    # expect: 5 TypeError unsupported format string passed to NoneType.__format__
    # expect: .2d ValueError Precision not allowed in integer format specifier
    # expect: z ValueError Negative zero coercion (z) not allowed in integer format specifier
    # expect: zs ValueError Negative zero coercion (z) not allowed in string format specifier
    # expect: '0.00'
    # expect: '0'
    # expect: '+0.0'
    # expect: '0.0%'
    # expect: '-1.50'
    # expect: '0'


def percent(fmt, args):
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)


for fmt, args in [("%d", "a"), ("%x", 3.5), ("%s %s", (1,)), ("%s", (1, 2)), ("%d", float("inf")), ("%f", "x"), ("%(a)s", {})]:
    percent(fmt, args)
    # expect: '%d' TypeError %d format: a real number is required, not str
    # expect: '%x' TypeError %x format: an integer is required, not float
    # expect: '%s %s' TypeError not enough arguments for format string
    # expect: '%s' TypeError not all arguments converted during string formatting
    # expect: '%d' OverflowError cannot convert float infinity to integer
    # expect: '%f' TypeError must be real number, not str
    # expect: '%(a)s' KeyError 'a'
