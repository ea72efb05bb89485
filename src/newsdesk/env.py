"""Reading settings from the environment: a bad value fails loudly, naming the variable."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

N = TypeVar("N", int, float)


class ConfigError(ValueError):
    """An environment variable holds a value newsdesk cannot use."""


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    return _number(name, default, int, "a whole number")


def envfloat(name: str, default: float) -> float:
    return _number(name, default, float, "a number")


def _number(name: str, default: N, parse: Callable[[str], N], what: str) -> N:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return parse(value)
    except ValueError:
        raise ConfigError(f"{name} must be {what}, not {value!r}") from None
