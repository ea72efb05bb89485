"""The one compiled module: the block walk, built against lxml's C API (see block_walk.pyx)."""

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(
                "newsdesk.extract.block_walk",
                ["src/newsdesk/extract/block_walk.pyx"],
                include_dirs=lxml.get_include(),
            )
        ],
        language_level=3,
    )
)
