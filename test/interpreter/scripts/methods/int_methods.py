# int methods and dunders
print((0).bit_length(), (1).bit_length(), (255).bit_length(), (-256).bit_length(), (2**100).bit_length())
# expect: 0 1 8 9 101
print((0).bit_count(), (255).bit_count(), (-7).bit_count(), True.bit_length())  # expect: 0 8 3 1
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (5).to_bytes(), (0).to_bytes(0, "big"), (-1).to_bytes(2, "big", signed=True))
# expect: b'\x04\x00' b'\x00\x04' b'\x05' b'' b'\xff\xff'
print((65).to_bytes(length=1, byteorder="little"), (-129).to_bytes(2, byteorder="little", signed=True))
# expect: b'A' b'\x7f\xff'
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
# expect: 1024 4 -1
print(int.from_bytes([1, 0]), int.from_bytes(b""), int.from_bytes(b"\x80", byteorder="big", signed=True), bool.from_bytes(b"\x01", "big"))
# expect: 256 0 -128 True
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator, True.real, (-3).as_integer_ratio())
# expect: 5 5 0 5 1 1 (-3, 1)
print((7).__index__(), (7).__int__(), (7).__float__(), (-7).__abs__(), (7).__neg__(), (7).__pos__(), (7).__invert__(), (0).__bool__())
# expect: 7 7 7.0 7 -7 7 -8 False
print((1234).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2), (7).__trunc__(), (7).__floor__(), (7).__ceil__())
# expect: 1234 1200 1200 1400 -1200 7 7 7
print((1).__add__(2), (1).__add__(2.0), int.__add__(1, 2), int.__sub__(5, True), (3).__mul__(4), (7).__truediv__(2), (7).__floordiv__(2))
# expect: 3 NotImplemented 3 4 12 3.5 3
print((7).__mod__(-3), (-7).__floordiv__(2), (7).__divmod__(2), (7).__rdivmod__(30), (2).__pow__(10), (2).__pow__(-1), (3).__pow__(4, 5))
# expect: -2 -4 (3, 1) (4, 2) 1024 0.5 1
print((2).__rpow__(3), (1).__radd__(5), (10).__rsub__(3), (6).__rtruediv__(3), (1).__lshift__(10), (1024).__rshift__(3))
# expect: 9 6 -7 0.5 1024 128
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (6).__rand__(3), (1).__rlshift__(1), (5).__ror__(2))
# expect: 2 7 5 2 2 7
print((1).__eq__(1), (1).__eq__(1.0), (1).__lt__(2), (2).__ge__(2), (1).__ne__(2), (1).__lt__(1.5), (1).__hash__() == hash(1))
# expect: True NotImplemented True True True NotImplemented True
print((5).__repr__(), (5).__str__(), (5).__format__("03d"), True.__repr__(), True.__str__(), False.__format__(""), True.__format__("d"))
# expect: 5 5 005 True True False 1
print(True.__and__(False), True.__or__(False), True.__xor__(True), True.__and__(3), True & 1, False | False, True ^ 2, (1).__and__(True))
# expect: False True False 1 1 False 3 1
print(True + True, True * 3, -True, ~True, True / 2, True // 1, abs(-5), round(7), round(15, -1), round(25, -1))
# expect: 2 3 -1 -2 0.5 1 5 7 20 20
print(int("0x1f", 16), int("0x1f", 0), int(" 42 "), int("-0b101", 0), int(3.99), int(-3.99), int(True), int("1_000"))
# expect: 31 31 42 -5 3 -3 1 1000
print(divmod(7, -2), divmod(-7, 2), pow(3, 4, 5), pow(2, -1), 2 ** 64, -2 ** 2, (-2) ** 3, 10 ** 20 // 3)
# expect: (-4, -1) (-4, 1) 1 0.5 18446744073709551616 -4 -8 33333333333333333333
print(hex(255), oct(8), bin(5), hex(-255), 0xff, 0o17, 0b11, 1_000_000)  # expect: 0xff 0o10 0b101 -0xff 255 15 3 1000000
for bad in [lambda: int.__add__(1.0, 2), lambda: (1).bit_length(1), lambda: (256).to_bytes(1, "big"),
            lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: int.from_bytes("ab", "big"),
            lambda: (1).__truediv__(0), lambda: (1).__mod__(0), lambda: (1).__floordiv__(0), lambda: int("abc"),
            lambda: int("12", 1 + 1), lambda: (1).__pow__(2, 0), lambda: (1).__add__(), lambda: int.bit_length(1.5),
            lambda: (128).to_bytes(1, "big", signed=True), lambda: 1 << -1, lambda: 1 + "a", lambda: int(None)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
        # expect: TypeError descriptor '__add__' requires a 'int' object but received a 'float'
        # expect: TypeError int.bit_length() takes no arguments (1 given)
        # expect: OverflowError int too big to convert
        # expect: OverflowError can't convert negative int to unsigned
        # expect: ValueError byteorder must be either 'little' or 'big'
        # expect: TypeError cannot convert 'str' object to bytes
        # expect: ZeroDivisionError division by zero
        # expect: ZeroDivisionError integer modulo by zero
        # expect: ZeroDivisionError integer division or modulo by zero
        # expect: ValueError invalid literal for int() with base 10: 'abc'
        # expect: ValueError invalid literal for int() with base 2: '12'
        # expect: ValueError pow() 3rd argument cannot be 0
        # expect: TypeError expected 1 argument, got 0
        # expect: TypeError descriptor 'bit_length' for 'int' objects doesn't apply to a 'float' object
        # expect: OverflowError int too big to convert
        # expect: ValueError negative shift count
        # expect: TypeError unsupported operand type(s) for +: 'int' and 'str'
        # expect: TypeError int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
