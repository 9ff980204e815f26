# NumPy's exceptions and messages, as `except Exception as e` sees them.
import numpy as np

def attempt(f):
    # '|' ends each line: some NumPy messages end with a space.
    try:
        r = f()
        print('no error:', repr(r), end='|\n')
    except Exception as e:
        print(type(e).__name__, e, end='|\n')

a = np.ones((2, 3))
attempt(lambda: a + np.ones(4))
# expect: ValueError operands could not be broadcast together with shapes (2,3) (4,) |
attempt(lambda: a + np.ones((3, 2)))
# expect: ValueError operands could not be broadcast together with shapes (2,3) (3,2) |
attempt(lambda: a.reshape(4))
# expect: ValueError cannot reshape array of size 6 into shape (4,)|
attempt(lambda: a.reshape(-1, 4))
# expect: ValueError cannot reshape array of size 6 into shape (4)|
attempt(lambda: a.reshape(-1, -1))
# expect: ValueError can only specify one unknown dimension|
attempt(lambda: a.dot(a))
# expect: ValueError shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)|
attempt(lambda: np.dot(np.ones(3), np.ones(4)))
# expect: ValueError shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)|
attempt(lambda: a @ np.ones(2))
# expect: ValueError matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)|
attempt(lambda: np.matmul(np.ones(3), 2))
# expect: ValueError matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)|
attempt(lambda: a[2])
# expect: IndexError index 2 is out of bounds for axis 0 with size 2|
attempt(lambda: a[0, 5])
# expect: IndexError index 5 is out of bounds for axis 1 with size 3|
attempt(lambda: a[-3])
# expect: IndexError index -3 is out of bounds for axis 0 with size 2|
attempt(lambda: a[0, 0, 0])
# expect: IndexError too many indices for array: array is 2-dimensional, but 3 were indexed|
attempt(lambda: a[1.5])
# expect: IndexError only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices|
attempt(lambda: a[np.array([0.5])])
# expect: IndexError arrays used as indices must be of integer (or boolean) type|
attempt(lambda: a[np.array([True, False, True])])
# expect: IndexError boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3|
attempt(lambda: a[[0, 5]])
# expect: IndexError index 5 is out of bounds for axis 0 with size 2|
attempt(lambda: a.sum(axis=2))
# expect: AxisError axis 2 is out of bounds for array of dimension 2|
attempt(lambda: a.mean(axis=-3))
# expect: AxisError axis -3 is out of bounds for array of dimension 2|
attempt(lambda: np.argmax(a, axis=5))
# expect: AxisError axis 5 is out of bounds for array of dimension 2|
attempt(lambda: a.transpose(1, 1))
# expect: ValueError repeated axis in transpose|
attempt(lambda: a.transpose(0))
# expect: ValueError axes don't match array|
attempt(lambda: np.concatenate([a, np.ones((2, 2))]))
# expect: ValueError all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2|
attempt(lambda: np.concatenate([a, np.ones(3)]))
# expect: ValueError all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)|
attempt(lambda: np.stack([a, np.ones((3, 2))]))
# expect: ValueError all input arrays must have the same shape|
attempt(lambda: np.broadcast_to(np.ones(3), (4,)))
# expect: ValueError operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (4,)|
attempt(lambda: np.zeros(-1))
# expect: ValueError negative dimensions are not allowed|
attempt(lambda: np.ones((2, -3)))
# expect: ValueError negative dimensions are not allowed|
attempt(lambda: np.array([[1, 2], [3]]))
# expect: ValueError setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.|
attempt(lambda: np.zeros(3).squeeze(axis=0))
# expect: ValueError cannot select an axis to squeeze out which has size not equal to one|
attempt(lambda: np.ones(3).item())
# expect: ValueError can only convert an array of size 1 to a Python scalar|
attempt(lambda: bool(np.ones(2)))
# expect: ValueError The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()|
attempt(lambda: bool(np.array([])))
# expect: ValueError The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.|
attempt(lambda: float(np.ones(2)))
# expect: TypeError only 0-dimensional arrays can be converted to Python scalars|
attempt(lambda: int(np.ones((1, 1))))
# expect: TypeError only 0-dimensional arrays can be converted to Python scalars|
attempt(lambda: len(np.array(1.0)))
# expect: TypeError len() of unsized object|
attempt(lambda: iter(np.array(1.0)))
# expect: TypeError iteration over a 0-d array|
attempt(lambda: hash(np.ones(2)))
# expect: TypeError unhashable type: 'numpy.ndarray'|
attempt(lambda: {np.ones(2): 1})
# expect: TypeError unhashable type: 'numpy.ndarray'|
attempt(lambda: [1, 2][np.float64(1)])
# expect: TypeError list indices must be integers or slices, not numpy.float64|
attempt(lambda: [1, 2][np.ones(2, dtype=int)])
# expect: TypeError only integer scalar arrays can be converted to a scalar index|
attempt(lambda: np.float64(1)[0])
# expect: IndexError invalid index to scalar variable.|
attempt(lambda: np.arange(3) ** -1)
# expect: ValueError Integers to negative integer powers are not allowed.|
attempt(lambda: np.array([True]) - np.array([True]))
# expect: TypeError numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.|
attempt(lambda: -np.array([True]))
# expect: TypeError The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.|
attempt(lambda: ~np.array([1.5]))
# expect: TypeError ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''|
attempt(lambda: np.ones(2, dtype='foo'))
# expect: TypeError data type 'foo' not understood|
attempt(lambda: np.ones(2).astype('bar'))
# expect: TypeError data type 'bar' not understood|
attempt(lambda: np.max(np.array([])))
# expect: ValueError zero-size array to reduction operation maximum which has no identity|
attempt(lambda: np.argmin(np.zeros(0)))
# expect: ValueError attempt to get argmin of an empty sequence|
attempt(lambda: np.array([1, 2])[np.array([1, 2]) > 0, 0])
# expect: IndexError too many indices for array: array is 1-dimensional, but 2 were indexed|
attempt(lambda: np.int32(2**40))
# expect: OverflowError Python integer 1099511627776 out of bounds for int32|
attempt(lambda: np.array([1, 2], dtype=np.int32) + 2**40)
# expect: OverflowError Python integer 1099511627776 out of bounds for int32|
attempt(lambda: np.split(np.arange(5), 2))
# expect: ValueError array split does not result in an equal division|
attempt(lambda: np.float_)
# expect: AttributeError `np.float_` was removed in the NumPy 2.0 release. Use `np.float64` instead.|
attempt(lambda: np.Inf)
# expect: AttributeError `np.Inf` was removed in the NumPy 2.0 release. Use `np.inf` instead.|
attempt(lambda: np.product)
# expect: AttributeError module 'numpy' has no attribute 'product'|
attempt(lambda: np.linalg.inv(np.ones((2, 2))))
# expect: LinAlgError Singular matrix|
attempt(lambda: np.linalg.inv(np.ones((2, 3))))
# expect: LinAlgError Last 2 dimensions of the array must be square|
attempt(lambda: np.random.seed(-1))
# expect: ValueError Seed must be between 0 and 2**32 - 1|
attempt(lambda: np.random.randint(5, 2))
# expect: ValueError low >= high|
attempt(lambda: np.random.choice(3, 5, replace=False))
# expect: ValueError Cannot take a larger sample than population when 'replace=False'|
attempt(lambda: np.random.choice([1, 2], p=[0.5, 0.6]))
# expect: ValueError probabilities do not sum to 1|
attempt(lambda: np.random.normal(0, -1))
# expect: ValueError scale < 0|
attempt(lambda: np.iinfo(float))
# expect: ValueError Invalid integer data type 'f'.|
attempt(lambda: np.finfo(np.int32))
# expect: ValueError data type <class 'numpy.int32'> not inexact|
z = np.zeros((2, 3))
def assign(key, value):
    def f():
        z[key] = value
    return f
attempt(assign((0, 0), [5]))
# expect: ValueError setting an array element with a sequence.|
attempt(assign((0, 0), np.array([1, 2])))
# expect: ValueError setting an array element with a sequence.|
attempt(assign(0, [1, 2]))
# expect: ValueError could not broadcast input array from shape (2,) into shape (3,)|
attempt(assign(slice(None), np.ones((3, 3))))
# expect: ValueError could not broadcast input array from shape (3,3) into shape (2,3)|
attempt(assign(([0, 1], [0, 1]), [1, 2, 3]))
# expect: ValueError shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)|
attempt(assign((0, 0), 'x'))
# expect: ValueError could not convert string to float: 'x'|
attempt(assign((1, 1), None))
# expect: no error: None|
print(z)
# expect: [[ 0.  0.  0.]
# expect:  [ 0. nan  0.]]
ints = np.arange(3)
def set_int(v):
    def f():
        ints[0] = v
    return f
attempt(set_int(np.nan))
# expect: ValueError cannot convert float NaN to integer|
attempt(set_int(1e30))
# expect: OverflowError Python int too large to convert to C long|
attempt(set_int(2**63))
# expect: OverflowError Python int too large to convert to C long|
attempt(set_int(None))
# expect: TypeError int() argument must be a string, a bytes-like object or a real number, not 'NoneType'|
attempt(lambda: np.add(1))
# expect: TypeError add() takes from 2 to 3 positional arguments but 1 was given|
attempt(lambda: np.exp())
# expect: TypeError exp() takes from 1 to 2 positional arguments but 0 were given|
attempt(lambda: np.zeros())
# expect: TypeError zeros() missing required argument 'shape' (pos 0)|
attempt(lambda: np.ones(3).astype())
# expect: TypeError astype() missing required argument 'dtype' (pos 0)|
attempt(lambda: np.ones(3).reshape())
# expect: TypeError reshape() takes exactly 1 argument (0 given)|
attempt(lambda: np.arange())
# expect: TypeError arange() requires stop to be specified.|
attempt(lambda: np.arange(0, 10, 0))
# expect: ZeroDivisionError division by zero|
attempt(lambda: np.array([1, 2]).item(5))
# expect: IndexError index 5 is out of bounds for axis 0 with size 2|
attempt(lambda: np.concatenate([]))
# expect: ValueError need at least one array to concatenate|
attempt(lambda: np.random.choice([]))
# expect: ValueError 'a' cannot be empty unless no samples are taken|
attempt(lambda: np.linspace(0, 1, -1))
# expect: ValueError Number of samples, -1, must be non-negative.|
try:
    np.ones(3).sum(axis=1)
except np.exceptions.AxisError as e:
    print('AxisError is', isinstance(e, ValueError), isinstance(e, IndexError))
# expect: AxisError is True True
try:
    x = np.arange(3)
    x += 0.5
except TypeError as e:
    print('UFuncTypeError is a TypeError:', type(e).__name__)
# expect: UFuncTypeError is a TypeError: UFuncTypeError
try:
    np.linalg.inv(np.zeros((2, 2)))
except np.linalg.LinAlgError as e:
    print('LinAlgError:', e, isinstance(e, ValueError))
# expect: LinAlgError: Singular matrix True
