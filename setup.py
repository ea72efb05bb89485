"""The one compiled module: the walks of a page's tree, built against lxml's C API (walks.pyx)."""

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(
                "newsdesk.extract.walks",
                ["src/newsdesk/extract/walks.pyx"],
                include_dirs=lxml.get_include(),
            )
        ],
        language_level=3,
    )
)
