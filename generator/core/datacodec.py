"""Data, and only data, as JSON: how the caches keep the typed model.

What a cache holds is read back by this codec and nothing else, and it
makes only what it is told it may: JSON's own values, tuples, Decimals, and
instances of the dataclasses named when the ``Codec`` is made (an explicit
allow-list, looked up by class name in a dict).  A tag it does not know is
an error, never an import: whatever an entry's bytes, reading it runs no
code of the entry's choosing.

    a dataclass   {"!Term": [term, definition, document, line]}   its fields, in their order
    a tuple       {"!tuple": [...]}
    a Decimal     {"!decimal": "12.30"}                            its text: exactly the same number and places
    a dict        {"!dict": [[key, value], ...]}                   when a key is not text, or starts with "!"

Other dicts and lists, text, whole numbers, floats, booleans and None are
themselves.  A ``str`` or ``int`` enum (``vocabulary.Kind``) is kept as its
text or number, which it equals; anything else is refused when written.  A
field typed with a closed set of the vocabulary (``kind: RowKind``,
``side: Side | None``) is made its member again when read, as ``store.read``
makes it from the data files: a text that is none of its members is an error.

The written value is wrapped as ``{"codec": SCHEMA, "value": …}``, where
SCHEMA is a hash of the classes' names and fields: data written for other
classes (by another version of the code) is ``OtherSchema``, a miss rather
than damage.  Reading is ``json.loads`` with one hook that rebuilds each
tagged object as the decoder closes it: no second walk over the data.
"""

from __future__ import annotations

import dataclasses
import decimal
import hashlib
import json
from decimal import Decimal

from enum import StrEnum

from generator.core import model as M
from generator.core import vocabulary as V

_RESERVED = ("!tuple", "!decimal", "!dict")


class OtherSchema(ValueError):
    """The data was written by a codec of other classes (another version of the code): of no use here, but not
    damaged."""


class Codec:
    """Encode and decode values made of JSON's types, tuples, Decimals and the dataclasses ``classes``."""

    def __init__(self, *classes: type):
        self._tags: dict[type, tuple[str, tuple[str, ...]]] = {}
        self._classes: dict[str, tuple[type, tuple[str, ...]]] = {}
        closed: dict[str, tuple[tuple[int, dict[str, StrEnum]], ...]] = {}
        for cls in classes:
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)) or "__slots__" in cls.__dict__:
                raise TypeError(f"{cls!r}: only dataclasses with a __dict__ can be kept")
            tag = "!" + cls.__name__
            if tag in _RESERVED or self._classes.get(tag, (cls,))[0] is not cls:
                raise ValueError(f"two classes would have the tag {tag}")
            names = tuple(f.name for f in dataclasses.fields(cls))
            self._tags[cls] = (tag, names)
            self._classes[tag] = (cls, names)
            closed[tag] = _closed_fields(cls)
        described = "\n".join(f"{tag} {' '.join(names)}" for tag, (_, names) in sorted(self._classes.items()))
        self.schema = hashlib.sha256(described.encode()).hexdigest()[:16]
        self._head = b'{"codec":"' + self.schema.encode() + b'","value":'
        self._hook = _restorer(self._classes, closed)

    # --- writing -------------------------------------------------------------------------------------

    def dumps(self, value) -> bytes:
        """``value`` as UTF-8 JSON; TypeError for a value of a type this codec does not keep."""
        text = json.dumps(self.plain(value), ensure_ascii=False, separators=(",", ":"))
        return self._head + text.encode("utf-8") + b"}"

    def plain(self, value):
        """``value`` as JSON's types, tagged where JSON has no type of its own."""
        tags = self._tags

        def enc(v):
            t = type(v)
            if t is str or t is int or v is None or t is bool or t is float:
                return v
            if t is list:
                return [enc(x) for x in v]
            if t is dict:
                for k in v:
                    if type(k) is not str or k[:1] == "!":
                        return {"!dict": [[enc(k), enc(x)] for k, x in v.items()]}
                return {k: enc(x) for k, x in v.items()}
            if t is tuple:
                return {"!tuple": [enc(x) for x in v]}
            if t is Decimal:
                return {"!decimal": str(v)}
            spec = tags.get(t)
            if spec is not None:
                tag, names = spec
                fields = v.__dict__
                return {tag: [enc(fields[n]) for n in names]}
            if isinstance(v, str):
                return str(v)
            if isinstance(v, int):
                return int(v)
            raise TypeError(f"a {t.__name__} cannot be kept in the cache")

        return enc(value)

    # --- reading -------------------------------------------------------------------------------------

    def loads(self, data: bytes):
        """The value ``dumps`` wrote; ``OtherSchema`` for data of another codec, ValueError for anything else
        that is not what this codec writes."""
        if not data.startswith(self._head):
            if data.startswith(b'{"codec":"'):
                raise OtherSchema("written for other classes")
            raise ValueError("not data of this codec")
        try:
            found = json.loads(data, object_pairs_hook=self._hook)
        except (TypeError, ArithmeticError, RecursionError) as exc:
            raise ValueError(f"not data of this codec: {exc}") from None
        if type(found) is not dict or len(found) != 2 or found.get("codec") != self.schema or "value" not in found:
            raise ValueError("not data of this codec")
        return found["value"]


_CLOSED_SETS = {t.__name__: t for t in vars(V).values()
                if isinstance(t, type) and issubclass(t, StrEnum) and t.__module__ == V.__name__}


def _closed_fields(cls: type) -> tuple[tuple[int, dict[str, StrEnum]], ...]:
    """(position, its members by text) of each field of ``cls`` typed with a closed set of the vocabulary."""
    out = []
    for i, f in enumerate(dataclasses.fields(cls)):
        name = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
        closed = _CLOSED_SETS.get(name.removesuffix(" | None"))
        if closed is not None:
            out.append((i, {m.value: m for m in closed}))
    return tuple(out)


def _restorer(classes: dict[str, tuple[type, tuple[str, ...]]],
              closed: dict[str, tuple[tuple[int, dict[str, StrEnum]], ...]]):
    """The decoder's hook: each JSON object as it closes (its pairs: no dict is made for a tagged one), rebuilt
    when it is tagged."""
    new = object.__new__

    def restore(pairs: list):
        if len(pairs) != 1:
            return dict(pairs)
        tag, v = pairs[0]
        if tag[:1] != "!":
            return dict(pairs)
        spec = classes.get(tag)
        if spec is not None:
            cls, names = spec
            if type(v) is not list or len(v) != len(names):
                raise ValueError(f"{tag[1:]}: {len(names)} fields expected")
            obj = new(cls)
            fields = obj.__dict__
            fields.update(zip(names, v))
            for i, members in closed[tag]:
                if v[i] is not None:
                    member = members.get(v[i]) if type(v[i]) is str else None
                    if member is None:
                        raise ValueError(f"{tag[1:]}.{names[i]}: not one of its values: {str(v[i])[:40]!r}")
                    fields[names[i]] = member
            return obj
        if tag == "!tuple" and type(v) is list:
            return tuple(v)
        if tag == "!decimal" and type(v) is str:
            try:
                return Decimal(v)
            except decimal.InvalidOperation:
                raise ValueError(f"not a decimal: {v[:40]!r}") from None
        if tag == "!dict" and type(v) is list:
            if not all(type(pair) is list and len(pair) == 2 for pair in v):
                raise ValueError("a dict's items are pairs")
            return dict(v)
        raise ValueError(f"not a class this data may hold: {tag[1:80]}")

    return restore


# the dataclasses of the one typed model (``core.model``): what a parsed document is made of
MODEL_CLASSES: tuple[type, ...] = (
    M.Cell, M.TableRow, M.TableColumn, M.Table, M.Indicator, M.Task, M.PrintedFigure, M.BudgetLine, M.Target,
    M.ProjectItem, M.UnitRow, M.Statement, M.Project, M.Term, M.Section, M.Finding, M.Source, M.Unplaced,
    M.CoveredTable, M.Coverage, M.Disclosure,
)

MODEL = Codec(*MODEL_CLASSES)
