"""Reference DeZero (dev tool): see ../README.md."""
is_simple_core = False

from dezero.core import (Variable, Parameter, Function, Config, using_config, no_grad,
                         test_mode, as_array, as_variable, setup_variable)
from dezero.layers import Layer
from dezero.models import Model
from dezero.datasets import Dataset
from dezero.dataloaders import DataLoader
import dezero.datasets
import dezero.dataloaders
import dezero.optimizers
import dezero.functions
import dezero.layers
import dezero.utils
import dezero.cuda
import dezero.transforms

setup_variable()
__version__ = '0.0.13'
