# math: constants, float functions, exact integer functions, CPython's errors.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
# expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf -inf nan
print(math.sqrt(2), math.exp(1), math.log(10), math.log(8, 2), math.log2(10), math.log10(2))
# expect: 1.4142135623730951 2.718281828459045 2.302585092994046 3.0 3.321928094887362 0.3010299956639812
print(math.log1p(1e-20), math.expm1(1e-10), math.log(10 ** 400), math.log2(2 ** 2000))
# expect: 1e-20 1.00000000005e-10 921.0340371976182 2000.0
print(math.sin(1), math.cos(1), math.tan(1), math.atan2(1, -1))
# expect: 0.8414709848078965 0.5403023058681398 1.5574077246549023 2.356194490192345
print(math.asin(0.5), math.acos(0.5), math.atan(1))  # expect: 0.5235987755982989 1.0471975511965979 0.7853981633974483
print(math.sinh(1), math.tanh(0.5), math.degrees(math.pi / 3), math.radians(60))
# expect: 1.1752011936438014 0.46211715726000974 59.99999999999999 1.0471975511965976
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2), math.floor(True))  # expect: -3 -2 -2 2 1
print(type(math.floor(2.5)).__name__, math.ceil(1e300) == int(1e300), math.floor(-0.5))  # expect: int True -1


class Half:
    def __floor__(self):
        return 'floor!'

    def __ceil__(self):
        return 'ceil!'


print(math.floor(Half()), math.ceil(Half()))  # expect: floor! ceil!
print(math.fabs(-2), math.pow(2, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0))
# expect: 2.0 1.4142135623730951 1.0 1.0
print(math.copysign(3, -1), math.copysign(1, -0.0), math.fmod(-7, 3), math.remainder(5, 2))  # expect: -3.0 -1.0 -1.0 1.0
print(math.modf(-3.5), math.modf(math.inf), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4))
# expect: (-0.5, -3.0) (0.0, inf) (0.5, 4) (0.0, 0) 8.0
print(math.ldexp(1.0, -1074), math.frexp(5e-324), math.nextafter(1, 2), math.ulp(1.0))
# expect: 5e-324 (0.5, -1073) 1.0000000000000002 2.220446049250313e-16
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e-16, 1, 1e16]))
# expect: 1.0 0.9999999999999999 1.0000000000000002e+16
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))  # expect: 1e-100
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9))
# expect: True False True
print(math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))  # expect: True True True False
print(math.factorial(20), math.factorial(30), math.gcd(12, 18), math.gcd(), math.lcm(4, 6), math.lcm())
# expect: 2432902008176640000 265252859812191058636308480000000 6 0 12 1
print(math.comb(10, 3), math.comb(100, 50), math.perm(5), math.perm(5, 2), math.comb(3, 5))
# expect: 120 100891344545564193334812497256 120 20 0
print(math.prod([1, 2, 3, 4]), math.prod([1.5, 2]), math.prod([], start=7), math.isqrt(10 ** 20 + 1))
# expect: 24 3.0 7 10000000000
print(math.hypot(3, 4), math.hypot(1e308, 1e308), math.hypot(1.1, 2.2, 3.3), math.dist((0, 0), (3, 4)))
# expect: 5.0 1.4142135623730951e+308 4.115823125451335 5.0
print(math.cbrt(27), math.cbrt(-8), math.exp2(0.5))  # expect: 3.0000000000000004 -2.0 1.4142135623730951

for f in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000), lambda: math.pow(0, -1),
          lambda: math.fmod(1, 0), lambda: math.acos(2), lambda: math.sin(math.inf), lambda: math.ldexp(1, 5000),
          lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.factorial(-1),
          lambda: math.factorial(5.0), lambda: math.comb(-1, 2), lambda: math.sqrt('a'), lambda: math.trunc('a'),
          lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308]), lambda: math.log(10, 1),
          lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.isqrt(-1), lambda: math.sqrt(10 ** 400)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
        # expect: ValueError: math domain error
        # expect: ValueError: math domain error
        # expect: OverflowError: math range error
        # expect: ValueError: math domain error
        # expect: ValueError: math domain error
        # expect: ValueError: math domain error
        # expect: ValueError: math domain error
        # expect: OverflowError: math range error
        # expect: OverflowError: cannot convert float infinity to integer
        # expect: ValueError: cannot convert float NaN to integer
        # expect: ValueError: factorial() not defined for negative values
        # expect: TypeError: 'float' object cannot be interpreted as an integer
        # expect: ValueError: n must be a non-negative integer
        # expect: TypeError: must be real number, not str
        # expect: TypeError: type str doesn't define __trunc__ method
        # expect: ValueError: -inf + inf in fsum
        # expect: OverflowError: intermediate overflow in fsum
        # expect: ZeroDivisionError: float division by zero
        # expect: ValueError: tolerances must be non-negative
        # expect: ValueError: isqrt() argument must be nonnegative
        # expect: OverflowError: int too large to convert to float
# float ** float and math.pow are the C library's pow (V8's Math.pow differs in the last bit for
# about one pair in ten of these).
print(47.123089686014744 ** -2.0150234955866733, 27.192605353204165 ** 2.210316064563944)
# expect: 0.0004250056117090745 1481.1181054068627
print(math.pow(39.85937810164591, 6.305967835981349), math.pow(6.343694635187983, 3.2185983940043243))
# expect: 12384941788.578516 382.3116562586193
print(1.0 ** float('nan'), math.pow(1.0, float('nan')), float('nan') ** 0.0)  # expect: 1.0 1.0 1.0
