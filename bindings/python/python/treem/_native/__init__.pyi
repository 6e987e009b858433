# Type stub of the cffi module that maturin generates in the wheel (treem/_native/__init__.py
# and ffi.py, with libtreem beside them). cffi objects carry no static types: `lib` holds the
# functions of bindings/c/include/treem.h, `ffi` the cffi FFI instance.
from typing import Any

ffi: Any
lib: Any
