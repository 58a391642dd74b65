"""The installed triage reader is the compiled one where the install was meant to compile it.

CI sets ``WELZIJNSWIJZER_EXPECT_COMPILED=1`` after ``pip install ".[test]"``; the check then fails
if any module listed for mypyc in pyproject.toml was imported as pure Python (a failed compile, or
the tests importing the source tree instead of the installed package). Elsewhere it is skipped.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECT_ENV = "WELZIJNSWIJZER_EXPECT_COMPILED"


def listed_modules() -> list[str]:
    """The dotted names of the modules pyproject.toml lists for compiling."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        paths = tomllib.load(f)["tool"]["welzijnswijzer"]["compile"]["modules"]
    return [path.removesuffix(".py").replace("/", ".") for path in paths]


def is_compiled(module_name: str) -> bool:
    """Whether the module was loaded from an extension module rather than from a .py file."""
    module = importlib.import_module(module_name)
    return isinstance(module.__spec__.loader, importlib.machinery.ExtensionFileLoader)


def test_listed_modules_exist() -> None:
    names = listed_modules()
    assert names and all(name.startswith("triage.") for name in names)
    for name in names:
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), name


@pytest.mark.skipif(
    os.environ.get(EXPECT_ENV) != "1", reason=f"{EXPECT_ENV}=1 is set only for compiled installs"
)
@pytest.mark.parametrize("name", listed_modules())
def test_module_is_compiled(name: str) -> None:
    module = importlib.import_module(name)
    assert is_compiled(name), f"{name} was imported as pure Python from {module.__file__}"


def test_editable_source_is_not_shadowed() -> None:
    """With the source tree on the import path, no compiled file may sit beside the sources."""
    if os.environ.get(EXPECT_ENV) == "1":
        pytest.skip("a compiled install was asked for")
    triage = importlib.import_module("triage")
    package_dir = Path(triage.__file__).resolve().parent
    if package_dir != ROOT / "triage":
        pytest.skip("triage is imported from an installed copy, not from this source tree")
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    stale = sorted(p.name for p in package_dir.iterdir() if p.name.endswith(suffixes))
    assert not stale, f"compiled modules in the source tree shadow the .py files: {stale}"
