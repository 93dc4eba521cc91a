"""The fields a data file stores for a record of the model, derived from the model's dataclasses.

The dataclasses of ``core.model`` are the one list of what a disclosure holds: each field's name and
type is written there, once.  The data format adds only what the model cannot say, and says it in
``schema``, beside the files: the order of a file's fields (the published format, which must not move
when a field is added), what a record takes from the record that holds it (a row's ``table`` and
``document``), what is not stored in that file (kept in a file of its own, or made at import only) and
what is written only when it differs from its default.  A field none of these name is stored, after the
ordered ones, under its own name and in the form its type says; so adding a field to a dataclass is one
edit there (plus its line in docs/data-format.md, which a test requires).

The other way round, the dataclasses made from a schema, was not taken: the model is what every stage
imports and types against, with its methods and defaults, and it must not depend on the store.

How a field is stored follows from its type: ``int`` is an integer, ``Yuan`` an exact amount of 元,
``str | None`` a text that is absent when empty, a ``StrEnum`` its value, ``list[str]`` a list,
``dict`` a mapping, a ``tuple`` a JSON list, ``list[<dataclass>]`` a list of records of its own.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

_NONE = type(None)


@cache
def hints(model: type) -> dict[str, object]:
    """Each field's type, resolved (the model's annotations are strings)."""
    return typing.get_type_hints(model)


def parts(tp: object) -> tuple[object, ...]:
    """The types a union is made of, without None (a type alone: itself)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return tuple(a for a in typing.get_args(tp) if a is not _NONE)
    return (tp,)


def optional(tp: object) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and _NONE in typing.get_args(tp)


def is_amount(tp: object) -> bool:
    """An exact amount of 元 (``Yuan``: ``int | Decimal``), maybe None."""
    return Decimal in parts(tp)


def is_integer(tp: object) -> bool:
    return parts(tp) == (int,)


def enum_of(tp: object) -> type[enum.Enum] | None:
    """The enumeration a field holds (its stored form is the member's value), if it is one."""
    (one, *more) = parts(tp)
    return one if not more and isinstance(one, type) and issubclass(one, enum.Enum) else None


def record_of(tp: object) -> type | None:
    """The dataclass of a ``list[<dataclass>]`` field: a list of records of their own."""
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        if dataclasses.is_dataclass(item):
            return item
    return None


def container(tp: object) -> type | None:
    """``list``, ``dict`` or ``tuple`` for a field holding one (maybe None), else None."""
    origins = {typing.get_origin(p) for p in parts(tp)}
    return next((c for c in (list, dict, tuple) if c in origins), None)


@dataclasses.dataclass(frozen=True)
class Layout:
    """The stored fields of one model's records, in the stored order, and where each comes from.

    ``context`` names a stored field that is not the record's own but the field of a record that holds it
    (``rows.csv``'s ``table`` is its table's ``id``): stored name -> (the holding dataclass, its field).
    ``types`` is each stored field's type, a context field's from the dataclass it comes from."""

    model: type
    fields: tuple[str, ...]
    context: dict[str, tuple[type, str]]
    types: dict[str, object]
    omitted: frozenset[str]

    @property
    def own(self) -> tuple[str, ...]:
        """The stored fields that are the model's own, in the stored order."""
        return tuple(n for n in self.fields if n not in self.context)

    def record(self, obj: object, holders: tuple = ()) -> dict[str, object]:
        """The stored fields of ``obj`` (a context field from the nearest of ``holders`` of its class)."""
        out: dict[str, object] = {}
        for name in self.fields:
            if name in self.context:
                cls, attr = self.context[name]
                holder = next(h for h in reversed(holders) if isinstance(h, cls))
                out[name] = getattr(holder, attr)
            else:
                out[name] = getattr(obj, name)
        return out


def layout(model: type, order: tuple[str, ...] = (), omit: tuple[str, ...] | frozenset[str] = (),
           context: dict[str, tuple[type, str]] | None = None, only: tuple[str, ...] | None = None) -> Layout:
    """The stored fields of ``model``: those of ``order`` first, in that order, then every other field of the
    model not in ``omit``, in the model's order (``only``: those and no other).  A name of ``order`` that is
    neither a field of the model nor of ``context`` is refused, and so is an omitted field that the model
    does not have: a renamed field cannot be left behind here."""
    context = dict(context or {})
    own = [f.name for f in dataclasses.fields(model)]
    for name in [*order, *omit, *(only or ())]:
        if name not in own and name not in context:
            raise ValueError(f"{model.__name__} has no field {name!r}")
    kept = [n for n in (only if only is not None else own) if n not in omit]
    names = tuple(order) + tuple(n for n in kept if n not in order)
    missing = set(context) - set(names)
    if missing:
        raise ValueError(f"the context fields {sorted(missing)} of {model.__name__} must be placed in the order")
    mine = hints(model)
    kinds = {name: hints(cls)[attr] for name, (cls, attr) in context.items()}
    return Layout(model, names, context, {n: kinds[n] if n in context else mine[n] for n in names},
                  frozenset(own) - set(names))


def walk(root: object, path: tuple[str, ...], holders: tuple = ()) -> Iterator[tuple[object, tuple]]:
    """Each record at the end of ``path`` (``("tables", "rows")``: every row of every table), with the records
    that hold it, outermost first."""
    if not path:
        yield root, holders
        return
    for item in getattr(root, path[0]):
        yield from walk(item, path[1:], (*holders, root))

