# functools: reduce, partial, lru_cache/cache, wraps, total_ordering, cmp_to_key, cached_property;
# operator's function forms.
import functools
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))  # expect: 10 60
print(functools.reduce(operator.mul, (2, 3, 4), 1), functools.reduce(operator.add, [], 0))  # expect: 24 0
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: reduce() of empty iterable with no initial value


def power(base, exp):
    return base ** exp


square = functools.partial(power, exp=2)
print(square(5), square.func is power, square.args, square.keywords)  # expect: 25 True () {'exp': 2}
two_to = functools.partial(power, 2)
print(two_to(10), functools.partial(two_to)(3), functools.partial(square, 7)())  # expect: 1024 8 49
calls = []


@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls), fib.cache_info())
# expect: 832040 31 CacheInfo(hits=28, misses=31, maxsize=None, currsize=31)
fib.cache_clear()
print(fib.cache_info())  # expect: CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)


@functools.lru_cache(maxsize=2)
def ident(x):
    calls.append(x)
    return x


calls.clear()
for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(calls, ident.cache_info())  # expect: [1, 2, 3, 2] CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)


@functools.cache
def sq(n):
    return n * n


print(sq(4), sq(4), sq.cache_info().hits, sq.__name__)  # expect: 16 16 1 sq


def logged(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return f(*args, **kwargs)
    return wrapper


@logged
def hello(name):
    """Say hello."""
    return 'hi ' + name


print(hello.__name__, hello.__doc__, hello('bob'), hello.__wrapped__.__name__, hello.__qualname__)
# expect: hello Say hello. hi bob hello hello


@functools.total_ordering
class Version:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        return self.v < other.v


print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(2), Version(2) <= Version(2))
# expect: True True False True
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))  # expect: [3, 2, 1]
print(sorted(['bb', 'a', 'ccc'], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))  # expect: ['a', 'bb', 'ccc']


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r ** 2


c = Circle(2)
print(c.area, c.area, c.computed, 'area' in c.__dict__)  # expect: 12 12 1 True


class Model:
    @functools.lru_cache(maxsize=4)
    def predict(self, x):
        return x * 10


m = Model()
print(m.predict(1), m.predict(1), Model.predict.cache_info().hits)  # expect: 10 10 1
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('real')(3))
# expect: 6 ('a', 'c') 3
print(operator.methodcaller('upper')('ab'), operator.methodcaller('split', ',')('a,b'))  # expect: AB ['a', 'b']
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=operator.itemgetter(1)))  # expect: [('c', 1), ('b', 2), ('a', 3)]
print(operator.mul(3, 4), operator.neg(5), operator.lt(1, 2), operator.truediv(1, 4), operator.floordiv(7, 2))
# expect: 12 -5 True 0.25 3
print(operator.add('a', 'b'), operator.contains([1, 2], 2), operator.getitem({'k': 1}, 'k'), operator.not_(0))
# expect: ab True 1 True
print(list(map(operator.pow, [2, 3], [3, 2])), operator.abs(-3), operator.index(7), operator.eq(1, 1.0))
# expect: [8, 9] 3 7 True
