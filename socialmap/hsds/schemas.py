"""The official HSDS 3.0 JSON schemas (``data/hsds``), with their references resolved offline.

The per-table schemas refer to each other by file name (``"$ref": "attribute.json"``); the
registry serves those files from the package, so validation never touches the network.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import data

_SKIP = {"datapackage.json", "openapi.json"}


def load(*parts: str) -> dict[str, Any]:
    """One schema file of ``data/hsds`` (e.g. ``load("compiled", "service.json")``)."""
    return dict(json.loads(data.read_text("hsds", *parts)))


@cache
def registry() -> Registry[Any]:
    """Every per-table schema, registered under its file name (how the schemas refer to it)."""
    folder = data.resource("hsds")
    resources = [
        (item.name, Resource.from_contents(load(item.name), default_specification=DRAFT202012))
        for item in folder.iterdir()
        if item.name.endswith(".json") and item.name not in _SKIP
    ]
    return Registry().with_resources(resources)


@cache
def validator(*parts: str) -> Draft202012Validator:
    """A validator (with format checks) for one schema file, e.g. ``validator("service.json")``."""
    return _validator(load(*parts))


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, registry=registry(),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def page_validator(*item: str) -> Draft202012Validator:
    """A validator for a paginated answer (openapi ``Page``) whose contents match ``item``."""
    page = load("openapi.json")["components"]["schemas"]["Page"]
    schema = {"allOf": [page], "required": [*page["properties"], "contents"],
              "properties": {"contents": {"type": "array", "items": load(*item)}}}
    return _validator(schema)


def errors(instance: Any, *parts: str) -> list[str]:
    """Readable schema violations of ``instance`` against one schema file (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in validator(*parts).iter_errors(instance)]
