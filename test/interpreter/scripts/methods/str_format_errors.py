# str.format error messages
cases = ["{", "}", "{0", "{0!", "{!x}", "{0!rr}", "{}{0}", "{0}{}", "{2}", "{a}", "{0.}", "{0[}", "{0[]}",
         "{0[0]x}", "{:{:{}}}", "{0:x}", "{0!r", "{0:>5", "{a{b}", "{!}", "{0:}}", "x}y", "{:d}", "{:.2f}",
         "{10000000000000000000000}", "{0:{1}}"]


def attempt(c, *args):
    try:
        print(repr(c.format(*args)))
    except Exception as e:
        print(repr(c), type(e).__name__, e)


for c in cases:
    attempt(c, "s", 1)
    # expect: '{' ValueError Single '{' encountered in format string
    # expect: '}' ValueError Single '}' encountered in format string
    # expect: '{0' ValueError expected '}' before end of string
    # expect: '{0!' ValueError end of string while looking for conversion specifier
    # expect: '{!x}' ValueError Unknown conversion specifier x
    # expect: '{0!rr}' ValueError expected ':' after conversion specifier
    # expect: '{}{0}' ValueError cannot switch from automatic field numbering to manual field specification
    # expect: '{0}{}' ValueError cannot switch from manual field specification to automatic field numbering
    # expect: '{2}' IndexError Replacement index 2 out of range for positional args tuple
    # expect: '{a}' KeyError 'a'
    # expect: '{0.}' ValueError Empty attribute in format string
    # expect: '{0[}' ValueError expected '}' before end of string
    # expect: '{0[]}' ValueError Empty attribute in format string
    # expect: '{0[0]x}' ValueError Only '.' or '[' may follow ']' in format field specifier
    # expect: '{:{:{}}}' ValueError Max string recursion exceeded
    # expect: '{0:x}' ValueError Unknown format code 'x' for object of type 'str'
    # expect: '{0!r' ValueError unmatched '{' in format spec
    # expect: '{0:>5' ValueError unmatched '{' in format spec
    # expect: '{a{b}' ValueError unexpected '{' in field name
    # expect: '{!}' ValueError unmatched '{' in format spec
    # expect: '{0:}}' ValueError Single '}' encountered in format string
    # expect: 'x}y' ValueError Single '}' encountered in format string
    # expect: '{:d}' ValueError Unknown format code 'd' for object of type 'str'
    # expect: '{:.2f}' ValueError Unknown format code 'f' for object of type 'str'
    # expect: '{10000000000000000000000}' ValueError Too many decimal digits in format string
    # expect: 's'
for spec in ["{:,s}", "{:.2d}", "{:=s}", "{:c}"]:
    attempt(spec, 1.5 if "d" in spec else "x")
    # expect: '{:,s}' ValueError Cannot specify ',' with 's'.
    # expect: '{:.2d}' ValueError Unknown format code 'd' for object of type 'float'
    # expect: '{:=s}' ValueError '=' alignment not allowed in string format specifier
    # expect: '{:c}' ValueError Unknown format code 'c' for object of type 'str'
try:
    print("{}".format_map({}))
except Exception as e:
    print(type(e).__name__, e)  # expect: ValueError Format string contains positional fields
try:
    print("{a.b}".format(a=1))
except Exception as e:
    print(type(e).__name__, e)  # expect: AttributeError 'int' object has no attribute 'b'
try:
    print("{0[a]}".format([1]))
except Exception as e:
    print(type(e).__name__, e)  # expect: TypeError list indices must be integers or slices, not str
try:
    print("{0[5]}".format([1]))
except Exception as e:
    print(type(e).__name__, e)  # expect: IndexError list index out of range
try:
    print("{0[1]}".format({"1": 1}))
except Exception as e:
    print(type(e).__name__, e)  # expect: KeyError 1
try:
    print("{:x}".format(object()))
except Exception as e:
    print(type(e).__name__, e)  # expect: TypeError unsupported format string passed to object.__format__
try:
    print("{:5}".format(None))
except Exception as e:
    print(type(e).__name__, e)  # expect: TypeError unsupported format string passed to NoneType.__format__
try:
    print("{:>5}".format([1]))
except Exception as e:
    print(type(e).__name__, e)  # expect: TypeError unsupported format string passed to list.__format__
