"""Build hook: compile the triage reader with mypyc when a wheel is built.

All project metadata lives in pyproject.toml; this file only adds ``ext_modules``. The modules to
compile are listed under ``[tool.welzijnswijzer.compile]`` in pyproject.toml.

``WELZIJNSWIJZER_COMPILE`` chooses:

- unset: compile for a normal install (``pip install .``), not for an editable one
  (``pip install -e .``), so that edits to the source are never shadowed by a stale binary;
- ``0``: never compile (pure Python);
- ``1``: always compile, and fail the install if compiling fails.

Without a working C compiler an unforced install warns and stays pure Python.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

HERE = Path(__file__).resolve().parent
ENV = "WELZIJNSWIJZER_COMPILE"
# Commands that build or install the package; metadata steps (egg_info, dist_info, sdist) and
# anything else never run the compiler.
BUILDING = {"build", "build_ext", "bdist_wheel", "install", "editable_wheel", "develop"}
EDITABLE = {"editable_wheel", "develop"}
OFF = {"0", "false", "no", "off"}
ON = {"1", "true", "yes", "on"}


def compile_setting() -> bool | None:
    """True or False when the environment forces a choice, None for the default."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in OFF:
        return False
    if value in ON:
        return True
    if value:
        raise SystemExit(f"{ENV} must be 0 or 1, not {value!r}")
    return None


def should_compile(argv: list[str], setting: bool | None) -> bool:
    """Compile only when building, and by default not for an editable install."""
    commands = set(argv[1:])
    if setting is False or not commands & BUILDING:
        return False
    return setting is True or not commands & EDITABLE


def compiled_modules() -> list[str]:
    """The source files to compile, from pyproject.toml (relative to this directory)."""
    with open(HERE / "pyproject.toml", "rb") as f:
        config = tomllib.load(f)
    return list(config["tool"]["welzijnswijzer"]["compile"]["modules"])


class OptionalBuildExt(build_ext):
    """Build the compiled modules, or (unless forced) fall back to pure Python without a compiler.

    The fallback is all or nothing: mypyc puts every module in one shared library that the
    per-module stubs import, so a partial build would leave stubs that cannot load.
    """

    forced = False

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError) as exc:
            if self.forced:
                raise
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            print(
                f"WARNING: compiling the triage reader failed ({exc}); installing it as pure "
                f"Python, which gives the same results more slowly. Install a C compiler and "
                f"the Python headers to compile it, or set {ENV}=0 to skip compiling.",
                file=sys.stderr,
            )


def extensions(setting: bool | None) -> list[Extension]:
    """mypyc's extension modules (generating their C code runs mypy over the sources)."""
    from mypyc.build import mypycify

    OptionalBuildExt.forced = setting is True
    return mypycify(compiled_modules(), opt_level="3")


def main() -> None:
    os.chdir(HERE)
    setting = compile_setting()
    if not should_compile(sys.argv, setting):
        setup()
        return
    setup(ext_modules=extensions(setting), cmdclass={"build_ext": OptionalBuildExt})


main()
