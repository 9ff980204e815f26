# abc: abstract methods block instantiation; typing: names usable in annotations and aliases.
from __future__ import annotations
from abc import ABC, ABCMeta, abstractmethod
from typing import Any, Callable, Dict, List, Optional, Tuple, Union, TypeVar, Generic, Iterable
import typing


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f'{self.name()} with area {self.area()}'


for cls in [Shape]:
    try:
        cls()
    except TypeError as e:
        print('TypeError:', e)
        # expect: TypeError: Can't instantiate abstract class Shape with abstract methods area, name


class Half(Shape):
    def area(self):
        return 1


try:
    Half()
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: Can't instantiate abstract class Half with abstract method name


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def name(self):
        return 'square'


print(Square(3).describe(), isinstance(Square(1), Shape))  # expect: square with area 9 True


class Plain(ABC):
    pass


print(type(Plain()).__name__)  # expect: Plain
try:
    Plain(1)
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: Plain() takes no arguments


class Base(metaclass=ABCMeta):
    def hello(self):
        return 'hello'


print(Base().hello())  # expect: hello

T = TypeVar('T')


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


def scale(xs: List[float], k: Optional[float] = None) -> List[float]:
    return [x * (k or 1.0) for x in xs]


Vector = List[float]
Callback = Callable[[int, str], float]
s = Stack()
s.push(1)
print(s.items, scale([1.0, 2.0], 2.0))  # expect: [1] [2.0, 4.0]
print(List, List[int], Dict[str, List[float]], Optional[int], Union[int, str], Union[int, None, str])
# expect: typing.List typing.List[int] typing.Dict[str, typing.List[float]] typing.Optional[int] typing.Union[int, str] typing.Union[int, NoneType, str]
print(Callable[[int, str], float], Callable[..., int], Tuple[int, ...], Any, T, Optional['Foo'], Union[int])
# expect: typing.Callable[[int, str], float] typing.Callable[..., int] typing.Tuple[int, ...] typing.Any ~T typing.Optional[ForwardRef('Foo')] <class 'int'>
print(Vector, Callback, typing.Tuple[()], typing.Iterable[int], typing.cast(int, 'x'), typing.TYPE_CHECKING)
# expect: typing.List[float] typing.Callable[[int, str], float] typing.Tuple[()] typing.Iterable[int] x False
