# str.format: numbering, names, attributes, indexing, conversions, nested specs, escapes
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)

p = Point(1, 2)
print("{} + {} = {}".format(1, 2, 3))  # expect: 1 + 2 = 3
print("{0}{1}{0}".format("ab", "-"))  # expect: ab-ab
print("{name} is {age}".format(name="Ann", age=30))  # expect: Ann is 30
print("{0.x},{0.y} {p.x}".format(p, p=p))  # expect: 1,2 1
print("{0[0]} {0[2]} {d[key]} {d[1]}".format([5, 6, 7], d={"key": "v", 1: "one"}))  # expect: 5 7 v one
print("{!r} {!s} {!a} {}".format(p, p, "é😀", p))  # expect: Point(1, 2) (1, 2) '\xe9\U0001f600' (1, 2)
print("{0!r:>12}|{0!s:<8}|".format("hi"))  # expect:         'hi'|hi      |
print("{{}} {{{0}}} }}{{".format(5))  # expect: {} {5} }{
print("{:.2f} {:e} {:g} {:>8.3f} {:,} {:08.3f} {:+d}".format(3.14159, 31415.9, 0.00001234, 2.5, 1234567, -3.14159, 42))
# expect: 3.14 3.141590e+04 1.234e-05    2.500 1,234,567 -003.142 +42
print("{:10}|{:<10}|{:^10}|{:>10}|".format("left", "left", "mid", "right"))
# expect: left      |left      |   mid    |     right|
print("{:*^11}|{:=+8d}|{:#x}|{:#o}|{:#b}|{:X}".format("mid", 42, 255, 8, 5, 3054))
# expect: ****mid****|+     42|0xff|0o10|0b101|BEE
print("{:.3}|{:.0f}|{:.1%}|{:.3e}|{:G}|{:n}".format(3.14159, 2.5, 0.1234, 123456.789, 1e-10, 1234))
# expect: 3.14|2|12.3%|1.235e+05|1E-10|1234
print("{:_}|{:_b}|{:,.2f}|{:>+10,.1f}".format(10**7, 255, 1234567.891, -9876.54))
# expect: 10_000_000|1111_1111|1,234,567.89|  -9,876.5
print("{:5}|{:<5}|{:^5}|{:>5}".format("ab", 1, 2.5, "x"))  # expect: ab   |1    | 2.5 |    x
print("{:{}}|{:{}.{}f}|{:{w}.{p}f}".format("a", 3, 3.14159, 8, 2, 2.71828, w=7, p=3))  # expect: a  |    3.14|  2.718
print("{0:{1}{2}}".format(3.14159, ".", "2f"), "x{0:{1}}".format(5, ">4"))  # expect: 3.14 x   5
print("{:} {:5} {:>5}".format(None, True, False))  # expect: None     1     0
print("{}".format(1.0), "{}".format(1e100), "{}".format(0.1 + 0.2), "{:.17g}".format(0.1))
# expect: 1.0 1e+100 0.30000000000000004 0.10000000000000001
print("{:g} {:g} {:g} {:g} {:.2g}".format(100000.0, 1000000.0, 1e-4, 1e-5, 1234))
# expect: 100000 1e+06 0.0001 1e-05 1.2e+03
print("{:f} {:e} {:%} {:.2f}".format(float("inf"), float("-inf"), float("nan"), -0.0))  # expect: inf -inf nan% -0.00
print("{:+.1f} {: .1f} {:-.1f}".format(1.25, 1.35, -1.45))  # expect: +1.2  1.4 -1.4
print("{0:c}{1:c}".format(72, 105), "{:s}".format("str"), "{:>6s}".format("ab"))  # expect: Hi str     ab
print("{x[a]}{x[b]}".format(x={"a": 1, "b": 2}), "{0[1][0]}".format([0, [9]]))  # expect: 12 9
print("{0.real} {0.imag} {1.__class__.__name__}".format(3, "s"))  # expect: 3 0 str
print("{a}-{b}".format_map({"a": 1, "b": 2}))  # expect: 1-2

class Default:
    def __getitem__(self, key):
        return "<" + key + ">"

print("{name} {other}".format_map(Default()))  # expect: <name> <other>

class Money:
    def __format__(self, spec):
        return "$" + format(12.5, spec or ".2f")

print("{} {:08.3f} {m:>10}".format(Money(), Money(), m=Money()))  # expect: $12.50 $0012.500 $      12.5
print(f"{3.14159:.2f} {'x'!r:>5} {12345:,} {p!r}")  # expect: 3.14   'x' 12,345 Point(1, 2)
