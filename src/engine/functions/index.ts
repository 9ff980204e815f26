// dezero.functions: every differentiable function, under DeZero's names in camelCase.
export { add, sub, rsub, mul, div, rdiv, neg, pow, Add, Sub, Mul, Div, Neg, Pow } from '../core';
export * from './basic_math';
export * from './shape';
export * from './reductions';
export * from './linalg';
export * from './activations';
export * from './losses';
export * from './misc';
export * from './im2col';
export * from './conv';
export * from './pooling';
