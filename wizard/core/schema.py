"""A small validator for the part of JSON Schema (draft 2020-12) that our two schemas use.

Why not the `jsonschema` package: its messages are English, and importing it is a large part of
the start of `check`, `render` and the wizard. Our schemas (`resources/schemas/`) use only the
keywords in `KEYWORDS`; a schema with any other keyword is refused rather than half checked. The
tests compare this validator's verdicts with `jsonschema`'s on generated sessions and overlays.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# Keywords that only describe; they never make a value invalid.
ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
KEYWORDS = ANNOTATIONS | {
    "type",
    "const",
    "enum",
    "pattern",
    "minLength",
    "minimum",
    "maximum",
    "required",
    "properties",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "items",
    "minItems",
    "anyOf",
    "allOf",
    "oneOf",
    "$ref",
}

KIND_NAMES = {
    "string": "tekst",
    "boolean": "ja/nee (true/false)",
    "integer": "een geheel getal",
    "number": "een getal",
    "object": "een verzameling sleutels",
    "array": "een lijst",
    "null": "leeg",
}


@dataclass(frozen=True)
class SchemaError:
    """One way in which a value breaks the schema. `path` leads from the top to the value."""

    path: tuple[str | int, ...]
    keyword: str
    expected: Any
    value: Any
    message: str

    @property
    def key(self) -> str | None:
        return ".".join(str(part) for part in self.path) or None


def check_schema(schema: Any, where: str = "#") -> None:
    """Raise ValueError when the schema uses a keyword this validator does not know."""
    if isinstance(schema, bool):
        return
    unknown = sorted(set(schema) - KEYWORDS)
    if unknown:
        raise ValueError(f"{where}: keywords not supported: {', '.join(unknown)}")
    for name in ("properties", "$defs"):
        for key, part in schema.get(name, {}).items():
            check_schema(part, f"{where}/{name}/{key}")
    for name in ("additionalProperties", "propertyNames", "items"):
        if name in schema:
            check_schema(schema[name], f"{where}/{name}")
    for name in ("anyOf", "allOf", "oneOf"):
        for index, part in enumerate(schema.get(name, [])):
            check_schema(part, f"{where}/{name}/{index}")


def load_schema(path: Path) -> dict[str, Any]:
    """One of our own schema files, checked to use only the keywords this validator knows."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    check_schema(schema, path.name)
    return schema


def first_error(value: Any, schema: dict[str, Any]) -> SchemaError | None:
    """The first error in document order, or None when the value is valid."""
    return next(iter_errors(value, schema), None)


def iter_errors(value: Any, schema: dict[str, Any]) -> Iterator[SchemaError]:
    """Every error, in document order. The schema must have passed `check_schema`."""
    return _errors(value, schema, schema, ())


def is_valid(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool:
    return next(_errors(value, schema, root, ()), None) is None


def _type_error(path: tuple[str | int, ...], kinds: list[str], value: Any) -> SchemaError:
    """The value is of none of these kinds ("dit moet tekst of een getal zijn")."""
    return SchemaError(
        path,
        "type",
        kinds,
        value,
        "dit moet " + " of ".join(KIND_NAMES.get(kind, kind) for kind in kinds) + " zijn",
    )


def _errors(
    value: Any, schema: Any, root: dict[str, Any], path: tuple[str | int, ...]
) -> Iterator[SchemaError]:
    if schema is True:
        return
    if schema is False:
        yield SchemaError(path, "false", None, value, "dit veld is hier niet toegestaan")
        return
    if "$ref" in schema:
        yield from _errors(value, _resolve(root, schema["$ref"]), root, path)
    if "type" in schema and not _has_type(value, schema["type"]):
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        yield _type_error(path, kinds, value)
        return  # the other keywords would only repeat that the kind is wrong
    yield from _value_errors(value, schema, path)
    if isinstance(value, dict):
        yield from _object_errors(value, schema, root, path)
    if isinstance(value, list):
        yield from _array_errors(value, schema, root, path)
    yield from _combination_errors(value, schema, root, path)


def _value_errors(
    value: Any, schema: dict[str, Any], path: tuple[str | int, ...]
) -> Iterator[SchemaError]:
    if "const" in schema and not _equal(value, schema["const"]):
        yield SchemaError(
            path,
            "const",
            schema["const"],
            value,
            f"de waarde moet {schema['const']!r} zijn, niet {value!r}",
        )
    if "enum" in schema and not any(_equal(value, item) for item in schema["enum"]):
        allowed = ", ".join(str(item) for item in schema["enum"] if item)
        yield SchemaError(
            path,
            "enum",
            schema["enum"],
            value,
            f"de waarde {value!r} is niet toegestaan (mogelijk: {allowed})",
        )
    if isinstance(value, str):
        if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
            yield SchemaError(
                path,
                "pattern",
                schema["pattern"],
                value,
                f"de waarde {value!r} heeft niet de juiste vorm",
            )
        if "minLength" in schema and len(value) < schema["minLength"]:
            yield SchemaError(
                path,
                "minLength",
                schema["minLength"],
                value,
                "dit mag niet leeg zijn"
                if schema["minLength"] == 1
                else f"dit moet ten minste {schema['minLength']} tekens hebben",
            )
    if _is_number(value):
        if "minimum" in schema and value < schema["minimum"]:
            yield SchemaError(
                path,
                "minimum",
                schema["minimum"],
                value,
                f"dit getal mag niet kleiner zijn dan {schema['minimum']}",
            )
        if "maximum" in schema and value > schema["maximum"]:
            yield SchemaError(
                path,
                "maximum",
                schema["maximum"],
                value,
                f"dit getal mag niet groter zijn dan {schema['maximum']}",
            )


def _object_errors(
    value: dict[Any, Any], schema: dict[str, Any], root: dict[str, Any], path: tuple[str | int, ...]
) -> Iterator[SchemaError]:
    for name in schema.get("required", []):
        if name not in value:
            yield SchemaError(path, "required", name, value, f"het veld '{name}' ontbreekt")
    if len(value) < schema.get("minProperties", 0):
        yield SchemaError(
            path, "minProperties", schema["minProperties"], value, "dit mag niet leeg zijn"
        )
    properties = schema.get("properties", {})
    for key, item in value.items():
        if "propertyNames" in schema and not is_valid(key, schema["propertyNames"], root):
            yield SchemaError(
                (*path, key),
                "propertyNames",
                schema["propertyNames"],
                key,
                f"de naam {key!r} heeft niet de juiste vorm",
            )
            continue
        if key in properties:
            yield from _errors(item, properties[key], root, (*path, key))
        elif "additionalProperties" in schema:
            if schema["additionalProperties"] is False:
                yield SchemaError(
                    (*path, key),
                    "additionalProperties",
                    False,
                    item,
                    f"het veld '{key}' is hier niet bekend",
                )
            else:
                yield from _errors(item, schema["additionalProperties"], root, (*path, key))


def _array_errors(
    value: list[Any], schema: dict[str, Any], root: dict[str, Any], path: tuple[str | int, ...]
) -> Iterator[SchemaError]:
    if len(value) < schema.get("minItems", 0):
        yield SchemaError(
            path,
            "minItems",
            schema["minItems"],
            value,
            "deze lijst mag niet leeg zijn"
            if schema["minItems"] == 1
            else f"deze lijst moet ten minste {schema['minItems']} onderdelen hebben",
        )
    if "items" in schema:
        for index, item in enumerate(value):
            yield from _errors(item, schema["items"], root, (*path, index))


def _combination_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], path: tuple[str | int, ...]
) -> Iterator[SchemaError]:
    for part in schema.get("allOf", []):
        yield from _errors(value, part, root, path)
    if "anyOf" in schema:
        failures = [list(_errors(value, part, root, path)) for part in schema["anyOf"]]
        if all(failures):
            yield _closest(failures, value, path)
    if "oneOf" in schema:
        matches = sum(is_valid(value, part, root) for part in schema["oneOf"])
        if matches != 1:
            yield SchemaError(
                path,
                "oneOf",
                schema["oneOf"],
                value,
                "dit moet precies één van de mogelijke vormen hebben"
                if matches
                else "dit heeft geen van de mogelijke vormen",
            )


def _closest(
    failures: list[list[SchemaError]], value: Any, path: tuple[str | int, ...]
) -> SchemaError:
    """For a value that fits none of the alternatives: the error of the alternative of the right
    kind (a date that is text, but not a date), else one error naming every kind allowed."""
    for errors in failures:
        if errors[0].keyword != "type" or errors[0].path != path:
            return errors[0]
    kinds = [kind for errors in failures for kind in errors[0].expected]
    return _type_error(path, kinds, value)


def _resolve(root: dict[str, Any], reference: str) -> Any:
    if not reference.startswith("#/"):
        raise ValueError(f"only references inside the schema are supported: {reference}")
    part: Any = root
    for name in reference[2:].split("/"):
        part = part[name.replace("~1", "/").replace("~0", "~")]
    return part


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _has_type(value: Any, kinds: str | list[str]) -> bool:
    return any(_is_kind(value, kind) for kind in ([kinds] if isinstance(kinds, str) else kinds))


def _is_kind(value: Any, kind: str) -> bool:
    if kind == "integer":
        return _is_number(value) and (isinstance(value, int) or value.is_integer())
    if kind == "number":
        return _is_number(value)
    plain = {"string": str, "boolean": bool, "object": dict, "array": list}
    if kind == "null":
        return value is None
    return isinstance(value, plain[kind])


def _equal(one: Any, other: Any) -> bool:
    """JSON equality: true is not 1, and false is not 0."""
    if isinstance(one, bool) or isinstance(other, bool):
        return isinstance(one, bool) and isinstance(other, bool) and one == other
    return one == other
