# collections.namedtuple: tuple classes with named fields.
from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
# expect: Point(x=1, y=2) 1 2 {'x': 1, 'y': 2} Point(x=5, y=2) Point(x=3, y=4) ('x', 'y')
print(tuple(p), p == (1, 2), isinstance(p, tuple), len(p), hash(p) == hash((1, 2)))  # expect: (1, 2) True True 2 True
x, y = p
print(x + y, p[-1], p[:1], list(p), p.index(2), p.count(1))  # expect: 3 2 (1,) [1, 2] 1 1
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))  # expect: [Point(x=1, y=2), Point(x=1, y=5), Point(x=2, y=1)]


class Point3(Point):
    def norm1(self):
        return abs(self.x) + abs(self.y)


q = Point3(-1, 2)
print(q, q.norm1(), type(q).__name__, isinstance(q, Point))  # expect: Point3(x=-1, y=2) 3 Point3 True
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[5, 6])
print(Q(1), Q(1, 2, 3), Q._field_defaults, Q.__doc__)
# expect: Q(a=1, b=5, c=6) Q(a=1, b=2, c=3) {'b': 5, 'c': 6} Q(a, b, c)
print(namedtuple('R', 'x def _y', rename=True)._fields, namedtuple('S', 'a, b')._fields)
# expect: ('x', '_1', '_2') ('a', 'b')
Batch = namedtuple('Batch', ['inputs', 'targets'])
b = Batch([1, 2], [0, 1])
inputs, targets = b
print(b.inputs, targets, b._asdict()['targets'])  # expect: [1, 2] [0, 1] [0, 1]
for f in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, 2, x=3),
          lambda: namedtuple('A', 'x,x'), lambda: namedtuple('A', '1x'), lambda: namedtuple('A', '_x'),
          lambda: namedtuple('A', 'class'), lambda: p._replace(z=1), lambda: Point._make([1])]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
        # expect: TypeError: Point.__new__() missing 1 required positional argument: 'y'
        # expect: TypeError: Point.__new__() takes 3 positional arguments but 4 were given
        # expect: TypeError: Point.__new__() got an unexpected keyword argument 'z'
        # expect: TypeError: Point.__new__() got multiple values for argument 'x'
        # expect: ValueError: Encountered duplicate field name: 'x'
        # expect: ValueError: Type names and field names must be valid identifiers: '1x'
        # expect: ValueError: Field names cannot start with an underscore: '_x'
        # expect: ValueError: Type names and field names cannot be a keyword: 'class'
        # expect: ValueError: Got unexpected field names: ['z']
        # expect: TypeError: Expected 2 arguments, got 1
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError:', e)  # expect: AttributeError: can't set attribute
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)  # expect: AttributeError: 'Point' object has no attribute 'z'
