// Other public names of NumPy's main namespace. They are not documented here, but they
// exist, so a diagnostic must never call them unknown (see `others` in types.ts).

const NAMES = `
acos acosh add_docstring add_newdoc all allclose amax amin angle append apply_along_axis apply_over_axes
arccosh arcsinh arctanh argpartition argwhere around array2string array_equiv array_repr array_split
array_str asanyarray asarray_chkfinite ascontiguousarray asfortranarray asin asinh asmatrix astype atan
atan2 atanh atleast_1d atleast_2d atleast_3d bartlett base_repr binary_repr bincount bitwise_and
bitwise_count bitwise_invert bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift bitwise_xor
blackman block bmat broadcast broadcast_arrays broadcast_shapes busday_count busday_offset busdaycalendar
byte bytes_ c_ can_cast cbrt cdouble ceil char character choose clongdouble column_stack common_type
complex64 complex128 complex256 complexfloating compress concat conj conjugate convolve copysign copyto
core corrcoef correlate count_nonzero cov cross csingle ctypeslib cumulative_prod cumulative_sum
datetime64 datetime_as_string datetime_data deg2rad degrees delete diag_indices diag_indices_from
diagflat diagonal diff digitize divmod double dsplit dstack dtypes ediff1d einsum_path emath
errstate euler_gamma exceptions exp2 extract f2py fabs fft fill_diagonal finfo fix flatiter flatnonzero
flexible fliplr flipud float_power floating fmax fmin fmod format_float_positional
format_float_scientific frexp from_dlpack frombuffer fromfile fromfunction fromiter frompyfunc
fromregex fromstring full gcd genfromtxt geomspace get_include get_printoptions getbufsize geterr
geterrcall gradient half hamming hanning heaviside histogram histogram2d histogram_bin_edges
histogramdd hsplit hypot i0 iinfo imag in1d index_exp indices inexact info insert int_ intc integer
interp intersect1d intp invert is_busday isdtype iscomplex iscomplexobj isfortran isin isnat isneginf
isposinf isreal isrealobj isscalar issubdtype iterable ix_ kaiser kron lcm ldexp left_shift lexsort lib
little_endian loadtxt logaddexp logaddexp2 logical_xor logspace long longdouble longlong ma mask_indices
matrix matrix_transpose matvec memmap min_scalar_type mintypecode mgrid modf multiply
nan_to_num nanargmax nanargmin nancumprod nancumsum nanmax nanmean nanmedian nanmin nanpercentile
nanprod nanquantile nanstd nansum nanvar ndenumerate ndindex nditer nested_iters nextafter
number object_ ogrid ones packbits partition percentile permute_dims piecewise place poly poly1d polyadd
polyder polydiv polyfit polyint polymul polynomial polysub polyval positive pow printoptions promote_types
ptp put put_along_axis putmask quantile r_ rad2deg radians ravel_multi_index real real_if_close rec
recarray record remainder require resize result_type right_shift rint roots rot90 row_stack s_
sctypeDict searchsorted select setbufsize setdiff1d seterr seterrcall setxor1d short show_config
show_runtime signbit signedinteger sinc single sort_complex spacing sqrt str_ strings test testing
timedelta64 trace trapezoid trapz tri tril tril_indices tril_indices_from trim_zeros triu triu_indices
triu_indices_from trunc typecodes typename ubyte ufunc uint uint16 uint32 uint64 uintc uintp ulong
ulonglong union1d unique_all unique_counts unique_inverse unique_values unpackbits unravel_index
unsignedinteger unstack unwrap ushort vander var vdot vecdot vecmat vectorize void vsplit zeros
version __version__ __file__ __name__ True_ False_ rollaxis
`;

/** NumPy names beyond those documented in numpy.ts. */
export const NUMPY_OTHERS: readonly string[] = NAMES.split(/\s+/).filter(Boolean);
