"""perurel.tuples.NamedTuple builds the records as typing.NamedTuple does, without typing."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest

from perurel import tuples


def declare(base: typing.Any) -> typing.Any:
    class Point(base):  # type: ignore[misc]
        """A point."""

        x: int
        y: int = 0
        label: str | None = None

        @property
        def norm1(self) -> int:
            return abs(self.x) + abs(self.y)

        def moved(self, dx: int) -> typing.Any:
            return self._replace(x=self.x + dx)

    return Point


def test_records_behave_as_typing_builds_them() -> None:
    ours, theirs = declare(tuples.NamedTuple), declare(typing.NamedTuple)
    for cls in (ours, theirs):
        p: typing.Any = cls(3, label="a")
        assert p == (3, 0, "a")
        assert tuple in type(p).__mro__
        assert p.norm1 == 3
        assert p.moved(2).x == 5
        assert p._asdict() == {"x": 3, "y": 0, "label": "a"}
    assert ours._fields == theirs._fields == ("x", "y", "label")
    assert ours._field_defaults == theirs._field_defaults == {"y": 0, "label": None}
    assert ours.__doc__ == theirs.__doc__ == "A point."
    assert ours.__name__ == "Point"
    assert repr(ours(1)) == repr(theirs(1)) == "Point(x=1, y=0, label=None)"
    with pytest.raises(TypeError):
        ours()


def test_a_field_without_default_after_one_with_default_is_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(tuples.NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]


def test_the_records_are_built_without_importing_typing() -> None:
    code = "import sys, perurel.store, perurel.commands; print('typing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
