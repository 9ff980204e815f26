# float methods and dunders
print((3.0).is_integer(), (3.5).is_integer(), (-0.0).is_integer(), float("inf").is_integer(), float("nan").is_integer())
# expect: True False True False False
print((0.5).as_integer_ratio(), (3.0).as_integer_ratio(), (-0.75).as_integer_ratio(), (0.1).as_integer_ratio(), (0.0).as_integer_ratio())
# expect: (1, 2) (3, 1) (-3, 4) (3602879701896397, 36028797018963968) (0, 1)
print((1e300).as_integer_ratio()[1], (5e-324).as_integer_ratio()[1].bit_length())  # expect: 1 1075
print((1.0).hex(), (0.5).hex(), (-2.5).hex(), (0.1).hex(), (0.0).hex(), (-0.0).hex(), (5e-324).hex(), (1.7976931348623157e308).hex())
# expect: 0x1.0000000000000p+0 0x1.0000000000000p-1 -0x1.4000000000000p+1 0x1.999999999999ap-4 0x0.0p+0 -0x0.0p+0 0x0.0000000000001p-1022 0x1.fffffffffffffp+1023
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), (2.2250738585072014e-308).hex(), (1e-310).hex())
# expect: inf -inf nan 0x1.0000000000000p-1022 0x0.012688b70e62bp-1022
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x.8"), float.fromhex("1"), float.fromhex(" 0XAp0 "))
# expect: 3.0 -0.25 0.5 1.0 10.0
print(float.fromhex("0x1.fffffffffffff8p0"), float.fromhex("0x1.00000000000008p0"), float.fromhex("0x1.00000000000018p0"))
# expect: 2.0 1.0 1.0000000000000004
print(float.fromhex("inf"), float.fromhex("-Infinity"), float.fromhex("nan"), float.fromhex("0x1p-1074"), float.fromhex("0x1p-1075"), float.fromhex("0x1.1p-1075"))
# expect: inf -inf nan 5e-324 0.0 5e-324
print(float.fromhex((0.1).hex()) == 0.1, float.fromhex("0x1.fffffffffffffp+1023"), float.fromhex("0x0.0000000000001p-1022"))
# expect: True 1.7976931348623157e+308 5e-324
print((2.5).conjugate(), (2.5).real, (2.5).imag, (2.5).__float__(), (2.7).__int__(), (-2.7).__int__(), (-2.5).__abs__(), (2.5).__neg__())
# expect: 2.5 2.5 0.0 2.5 2 -2 2.5 -2.5
print((2.5).__round__(), (3.5).__round__(), (-2.5).__round__(), (2.675).__round__(2), (2.5).__round__(0), (1234.5).__round__(-2), (0.5).__round__(None))
# expect: 2 4 -2 2.67 2.0 1200.0 0
print((2.7).__trunc__(), (-2.7).__trunc__(), (2.3).__floor__(), (-2.3).__floor__(), (2.3).__ceil__(), (-2.3).__ceil__(), (1e20).__floor__())
# expect: 2 -2 2 -3 3 -2 100000000000000000000
print((1.5).__add__(2), (1.5).__add__(True), (1.5).__add__("x"), float.__add__(1.0, 2), (1.5).__radd__(1), (7.0).__rsub__(10), (2.0).__rtruediv__(1))
# expect: 3.5 2.5 NotImplemented 3.0 2.5 3.0 0.5
print((7.5).__floordiv__(2), (7.5).__mod__(-2), (-7.5).__divmod__(2), (2.0).__pow__(0.5), (2.0).__rpow__(3), (9.0).__rfloordiv__(20), (9.0).__rmod__(20))
# expect: 3.0 -0.5 (-4.0, 0.5) 1.4142135623730951 9.0 2.0 2.0
print((1.0).__eq__(1), (1.0).__lt__(2), (1.5).__ge__(True), (1.0).__eq__("1"), (0.0).__bool__(), (0.1).__hash__() == hash(0.1), (1.0).__hash__() == hash(1))
# expect: True True True NotImplemented False True True
print((1.5).__repr__(), (1e16).__str__(), (0.1).__format__(".3f"), (1e-7).__repr__(), (123456789012345678.0).__repr__(), (-0.0).__repr__())
# expect: 1.5 1e+16 0.100 1e-07 1.2345678901234568e+17 -0.0
print(round(2.5), round(0.125, 2), round(-0.5), round(1.005, 2), round(1e300, 2), round(-1.5), round(2.675, 2), round(5.5, -1), round(15.0, -1))
# expect: 2 0.12 0 1.0 1e+300 -2 2.67 10.0 20.0
print(float("1e500"), float("-inf"), float(" 1_0.5 "), float(".5"), float("5."), 1e16, 1.5e-5, 0.1 + 0.2, 1 / 3, -1e-320)
# expect: inf -inf 10.5 0.5 5.0 1e+16 1.5e-05 0.30000000000000004 0.3333333333333333 -1e-320
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -0.0 % 1, 2.0 ** -1, 10 / 4, divmod(7.5, 2), 3 * 1.1)
# expect: 3.0 -4.0 -1.0 0.0 0.5 2.5 (3.0, 1.5) 3.3000000000000003
for bad in [lambda: float("nan").__int__(), lambda: float("inf").__floor__(), lambda: float("inf").as_integer_ratio(),
            lambda: float("nan").as_integer_ratio(), lambda: float.fromhex("0x1p9999"), lambda: float.fromhex("zz"),
            lambda: float.fromhex("0x"), lambda: float.fromhex(1), lambda: (1.0).__truediv__(0), lambda: (1.0).__floordiv__(0.0),
            lambda: (1.0).__mod__(0), lambda: (2.0).__pow__(2, 3), lambda: float("abc"), lambda: round(float("inf")),
            lambda: float.is_integer(1), lambda: (0.0) ** -1, lambda: float([1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
        # expect: ValueError cannot convert float NaN to integer
        # expect: OverflowError cannot convert float infinity to integer
        # expect: OverflowError cannot convert Infinity to integer ratio
        # expect: ValueError cannot convert NaN to integer ratio
        # expect: OverflowError hexadecimal value too large to represent as a float
        # expect: ValueError invalid hexadecimal floating-point string
        # expect: ValueError invalid hexadecimal floating-point string
        # expect: TypeError bad argument type for built-in operation
        # expect: ZeroDivisionError float division by zero
        # expect: ZeroDivisionError float floor division by zero
        # expect: ZeroDivisionError float modulo
        # expect: TypeError pow() 3rd argument not allowed unless all arguments are integers
        # expect: ValueError could not convert string to float: 'abc'
        # expect: OverflowError cannot convert float infinity to integer
        # expect: TypeError descriptor 'is_integer' for 'float' objects doesn't apply to a 'int' object
        # expect: ZeroDivisionError 0.0 cannot be raised to a negative power
        # expect: TypeError float() argument must be a string or a real number, not 'list'
