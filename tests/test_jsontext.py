"""The fast JSON writer (diff's JSON, SARIF, GitLab) writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sivistys_cli.display.jsontext import dumps

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text() | st.sampled_from(["\x1b[2J", "\u2028", "\x9b", "ä\nö", '"\\']))
_VALUES = st.recursive(_SCALARS, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids,
                                                                                         max_size=4), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_tuples_and_keys_that_are_not_text_fall_back_to_json() -> None:
    for value in [{"a": (1, 2)}, {1: "x", "b": [None]}, {"x": {True: 1.5}}, [float("inf"), -0.0, 10 ** 40]]:
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
