"""JSON with exact numbers: a ``Decimal`` is written as the number it is, and read back as one.

Money with 分 (``91016775.35``) and chart values in 万元 are ``Decimal``;
the standard encoder refuses them and the standard decoder would turn them
into binary floats.  The data files and the pages both write through here.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

_MARK = "\0decimal:"
_MARKED = re.compile(r'"\\u0000decimal:(-?[0-9.]+)"')


def dumps(obj, **kwargs) -> str:
    """``json.dumps`` that writes each ``Decimal`` as an exact JSON number."""

    def default(o):
        if isinstance(o, Decimal):
            return _MARK + format(o, "f")
        raise TypeError(f"{type(o).__name__} is not JSON serialisable")

    return _MARKED.sub(r"\1", json.dumps(obj, default=default, **kwargs))


def loads(text: str):
    """``json.loads`` that reads numbers with a fraction as ``Decimal``, never as float."""
    return json.loads(text, parse_float=Decimal)
